// The few fields of Kubernetes objects the consistency checks read, typed loosely: the objects come
// from YAML and are schema-checked separately, so every field here may still be missing.
import type { ManifestDoc } from './manifest-files.js';

export interface EnvVar {
  name?: string;
  value?: string;
}
export interface ContainerLike {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name?: string }; secretRef?: { name?: string } }[];
  ports?: { name?: string; containerPort?: number }[];
  readinessProbe?: ProbeLike;
  livenessProbe?: ProbeLike;
  startupProbe?: ProbeLike;
  lifecycle?: { preStop?: { exec?: { command?: string[] } } };
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}
export interface ProbeLike {
  httpGet?: { path?: string; port?: string | number };
}
export interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
  terminationGracePeriodSeconds?: number;
  volumes?: { name?: string; persistentVolumeClaim?: { claimName?: string } }[];
}
export interface WorkloadLike {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
    template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpecLike };
  };
}
export interface ServiceLike {
  metadata?: { name?: string };
  spec?: { selector?: Record<string, string>; ports?: { targetPort?: string | number }[] };
}
export interface ScaledObjectLike {
  metadata?: { name?: string };
  spec?: {
    scaleTargetRef?: { name?: string; kind?: string };
    minReplicaCount?: number;
    maxReplicaCount?: number;
    triggers?: { type?: string; metadata?: Record<string, string> }[];
  };
}
export interface ConfigMapLike {
  metadata?: { name?: string };
  data?: Record<string, string>;
}

export function ofKind<T>(docs: ManifestDoc[], kind: string): { source: string; object: T }[] {
  return docs.filter((doc) => doc.object.kind === kind).map((doc) => ({ source: doc.source, object: doc.object as T }));
}

/** Pod specs of Deployments and Jobs, with where they came from. */
export function podSpecsOf(docs: ManifestDoc[]): { source: string; name: string; kind: string; pod: PodSpecLike }[] {
  return docs
    .filter((doc) => doc.object.kind === 'Deployment' || doc.object.kind === 'Job')
    .map((doc) => {
      const workload = doc.object as WorkloadLike;
      return {
        source: doc.source,
        name: workload.metadata?.name ?? '(unnamed)',
        kind: String(doc.object.kind),
        pod: workload.spec?.template?.spec ?? {},
      };
    });
}

/** True when every label of `selector` is on `labels` (an empty selector matches nothing here). */
export function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels?.[key] === value);
}

/** The StepGrade entry point a container runs (`dist/apps/worker/main.js`...), if any. */
export function stepgradeEntry(container: ContainerLike): string | undefined {
  return [...(container.command ?? []), ...(container.args ?? [])].find((part) => part.startsWith('dist/'));
}
