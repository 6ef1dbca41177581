// Schema validation of each Kubernetes object against the OpenAPI-derived JSON schemas shipped in
// kubernetes-models (core kinds) and @kubernetes-models/keda (ScaledObject, TriggerAuthentication).
// A kind this table does not know is a problem: an unvalidated manifest must not pass silently.
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';

interface Validatable {
  validate(): void;
}
type ModelFactory = (data: Record<string, unknown>) => Validatable;

function factory<D>(Model: new (data?: D) => Validatable): ModelFactory {
  return (data) => new Model(data as D);
}

const MODELS: Record<string, ModelFactory> = {
  'v1/Namespace': factory(Namespace),
  'v1/ConfigMap': factory(ConfigMap),
  'v1/Secret': factory(Secret),
  'v1/Service': factory(Service),
  'v1/ServiceAccount': factory(ServiceAccount),
  'v1/PersistentVolumeClaim': factory(PersistentVolumeClaim),
  'apps/v1/Deployment': factory(Deployment),
  'batch/v1/Job': factory(Job),
  'policy/v1/PodDisruptionBudget': factory(PodDisruptionBudget),
  'keda.sh/v1alpha1/ScaledObject': factory(ScaledObject),
  'keda.sh/v1alpha1/TriggerAuthentication': factory(TriggerAuthentication),
};

/** Kinds that are not cluster objects and are checked elsewhere (kustomization.yaml). */
export const KUSTOMIZATION_TYPE = 'kustomize.config.k8s.io/v1beta1/Kustomization';

export function typeOf(object: Record<string, unknown>): string {
  return `${String(object.apiVersion)}/${String(object.kind)}`;
}

/** Schema problems of one object, each prefixed with `source`; empty when it is valid. */
export function validateSchema(object: Record<string, unknown>, source: string): string[] {
  const type = typeOf(object);
  const makeModel = MODELS[type];
  if (!makeModel) return [`${source}: no schema for ${type}; add it to scripts/deploy/k8s-schema.ts`];
  try {
    makeModel(object).validate();
    return [];
  } catch (error) {
    return [`${source} (${type} ${nameOf(object)}): ${(error as Error).message}`];
  }
}

export function nameOf(object: Record<string, unknown>): string {
  const metadata = object.metadata as { name?: unknown } | undefined;
  return typeof metadata?.name === 'string' ? metadata.name : '(unnamed)';
}
