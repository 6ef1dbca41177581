// Cross-object checks the schemas cannot express: references resolve, selectors select, each
// worker pool is deployed and autoscaled on its own queues, and grace periods outlast the longest
// job. These are the mistakes `kubectl apply` accepts and production discovers.
import { ALL_POOLS, envSchema, type PoolName } from '../../libs/config/config.schema.js';
import { POOL_QUEUES, QUEUES } from '../../libs/queue/queue-names.js';
import type { ManifestDoc } from './manifest-files.js';
import {
  type ConfigMapLike,
  type ContainerLike,
  type PodSpecLike,
  type ScaledObjectLike,
  type ServiceLike,
  type WorkloadLike,
  ofKind,
  podSpecsOf,
  selects,
  stepgradeEntry,
} from './k8s-shapes.js';

const WORKER_ENTRY = 'dist/apps/worker/main.js';
const API_ENTRY = 'dist/apps/api/main.js';
/** apps/worker/main.ts exits by force this long after the grace period. */
const WORKER_HARD_DEADLINE_S = 5;
/** Time left for the kubelet between the worker's own deadline and SIGKILL. */
export const GRACE_MARGIN_S = 5;
const KNOWN_ENV = new Set(Object.keys(envSchema.shape));
const DEFAULT_GRACE_S = 30;

function envOf(container: ContainerLike, configMaps: Map<string, Record<string, string>>): Map<string, string> {
  const env = new Map<string, string>();
  for (const source of container.envFrom ?? []) {
    const data = configMaps.get(source.configMapRef?.name ?? '');
    for (const [key, value] of Object.entries(data ?? {})) env.set(key, value);
  }
  for (const variable of container.env ?? [])
    if (variable.name && variable.value !== undefined) env.set(variable.name, variable.value);
  return env;
}

function checkReferences(docs: ManifestDoc[], problems: string[]): void {
  const names = (kind: string) =>
    new Set(docs.filter((d) => d.object.kind === kind).map((d) => (d.object as WorkloadLike).metadata?.name));
  const configMaps = names('ConfigMap');
  const secrets = names('Secret');
  const claims = names('PersistentVolumeClaim');
  for (const { source, name, pod } of podSpecsOf(docs)) {
    for (const container of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
      for (const from of container.envFrom ?? []) {
        if (from.configMapRef && !configMaps.has(from.configMapRef.name))
          problems.push(`${source} ${name}: ConfigMap ${from.configMapRef.name} is not defined`);
        if (from.secretRef && !secrets.has(from.secretRef.name))
          problems.push(`${source} ${name}: Secret ${from.secretRef.name} is not defined (not even as a template)`);
      }
      if (stepgradeEntry(container)) {
        for (const variable of container.env ?? []) {
          if (variable.name && !KNOWN_ENV.has(variable.name))
            problems.push(
              `${source} ${name}: env ${variable.name} is not a StepGrade setting (libs/config/config.schema.ts)`,
            );
        }
      }
    }
    for (const volume of pod.volumes ?? []) {
      const claim = volume.persistentVolumeClaim?.claimName;
      if (claim && !claims.has(claim))
        problems.push(`${source} ${name}: PersistentVolumeClaim ${claim} is not defined`);
    }
  }
  for (const { source, object } of ofKind<ConfigMapLike>(docs, 'ConfigMap')) {
    if (!object.metadata?.name?.startsWith('stepgrade')) continue;
    for (const key of Object.keys(object.data ?? {})) {
      if (!KNOWN_ENV.has(key))
        problems.push(`${source}: ConfigMap key ${key} is not a StepGrade setting (libs/config/config.schema.ts)`);
    }
  }
}

function checkSelectors(docs: ManifestDoc[], problems: string[]): void {
  const deployments = ofKind<WorkloadLike>(docs, 'Deployment');
  for (const { source, object } of deployments) {
    if (!selects(object.spec?.selector?.matchLabels, object.spec?.template?.metadata?.labels)) {
      problems.push(`${source} ${object.metadata?.name}: spec.selector does not match the pod template's labels`);
    }
  }
  for (const { source, object } of ofKind<ServiceLike>(docs, 'Service')) {
    const targets = deployments.filter((d) =>
      selects(object.spec?.selector, d.object.spec?.template?.metadata?.labels),
    );
    if (targets.length === 0) {
      problems.push(`${source} Service ${object.metadata?.name}: its selector matches no Deployment`);
      continue;
    }
    const portNames = new Set(
      targets.flatMap((d) =>
        (d.object.spec?.template?.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.name)),
      ),
    );
    for (const port of object.spec?.ports ?? []) {
      if (typeof port.targetPort === 'string' && !portNames.has(port.targetPort))
        problems.push(
          `${source} Service ${object.metadata?.name}: targetPort ${port.targetPort} is no container port name`,
        );
    }
  }
}

function graceOf(env: Map<string, string>): number {
  const raw = env.get('STEPGRADE_SHUTDOWN_GRACE_S');
  return raw === undefined ? DEFAULT_GRACE_S : Number(raw);
}

function preStopSleepS(container: ContainerLike): number {
  const command = container.lifecycle?.preStop?.exec?.command ?? [];
  return command[0] === 'sleep' ? Number(command[1] ?? 0) : 0;
}

/** Worker pools and API: the kubelet must not SIGKILL a process still inside its own grace period. */
function checkLifecycle(
  docs: ManifestDoc[],
  configMaps: Map<string, Record<string, string>>,
  problems: string[],
): Map<string, PoolName> {
  const poolOfDeployment = new Map<string, PoolName>();
  for (const { source, name, kind, pod } of podSpecsOf(docs)) {
    if (kind !== 'Deployment') continue;
    for (const container of pod.containers ?? []) {
      const entry = stepgradeEntry(container);
      const env = envOf(container, configMaps);
      const budget = pod.terminationGracePeriodSeconds ?? 30;
      if (entry === WORKER_ENTRY) {
        const pool = env.get('WORKER_POOL');
        if (!pool || !(ALL_POOLS as readonly string[]).includes(pool)) {
          problems.push(
            `${source} ${name}: WORKER_POOL must be one of ${ALL_POOLS.join(', ')} (got ${pool ?? 'nothing'})`,
          );
          continue;
        }
        poolOfDeployment.set(name, pool as PoolName);
        const needed = graceOf(env) + WORKER_HARD_DEADLINE_S + GRACE_MARGIN_S;
        if (budget < needed)
          problems.push(
            `${source} ${name}: terminationGracePeriodSeconds ${budget} < STEPGRADE_SHUTDOWN_GRACE_S ${graceOf(env)} + ${WORKER_HARD_DEADLINE_S} s hard deadline + ${GRACE_MARGIN_S} s margin`,
          );
      }
      if (entry === API_ENTRY) checkApiContainer(source, name, container, env, pod, problems);
    }
  }
  return poolOfDeployment;
}

function checkApiContainer(
  source: string,
  name: string,
  container: ContainerLike,
  env: Map<string, string>,
  pod: PodSpecLike,
  problems: string[],
): void {
  if (container.readinessProbe?.httpGet?.path !== '/health/ready')
    problems.push(`${source} ${name}: readinessProbe must GET /health/ready`);
  if (container.livenessProbe?.httpGet?.path !== '/health/live')
    problems.push(`${source} ${name}: livenessProbe must GET /health/live`);
  const needed = preStopSleepS(container) + graceOf(env) + GRACE_MARGIN_S;
  const budget = pod.terminationGracePeriodSeconds ?? 30;
  if (budget < needed)
    problems.push(
      `${source} ${name}: terminationGracePeriodSeconds ${budget} < preStop ${preStopSleepS(container)} s + grace ${graceOf(env)} s + ${GRACE_MARGIN_S} s margin`,
    );
}

function checkAutoscaling(docs: ManifestDoc[], poolOfDeployment: Map<string, PoolName>, problems: string[]): void {
  const deployments = new Map(ofKind<WorkloadLike>(docs, 'Deployment').map((d) => [d.object.metadata?.name ?? '', d]));
  const scaledPools = new Set<PoolName>();
  for (const { source, object } of ofKind<ScaledObjectLike>(docs, 'ScaledObject')) {
    const target = object.spec?.scaleTargetRef?.name ?? '';
    const deployment = deployments.get(target);
    if (!deployment) {
      problems.push(
        `${source} ScaledObject ${object.metadata?.name}: scaleTargetRef ${target} is not a Deployment here`,
      );
      continue;
    }
    if (deployment.object.spec?.replicas !== undefined)
      problems.push(`${deployment.source} ${target}: autoscaled by KEDA, so it must not set spec.replicas`);
    const { minReplicaCount = 0, maxReplicaCount = 100 } = object.spec ?? {};
    if (minReplicaCount > maxReplicaCount)
      problems.push(`${source} ${object.metadata?.name}: minReplicaCount > maxReplicaCount`);
    const pool = poolOfDeployment.get(target);
    if (!pool) continue;
    scaledPools.add(pool);
    if (pool === 'cpu' && minReplicaCount < 1)
      problems.push(
        `${source} ${object.metadata?.name}: the cpu pool runs the reconciler; minReplicaCount must be at least 1`,
      );
    const queries = (object.spec?.triggers ?? [])
      .filter((t) => t.type === 'prometheus')
      .map((t) => t.metadata?.query ?? '');
    if (queries.length === 0) problems.push(`${source} ${object.metadata?.name}: no prometheus trigger`);
    for (const queue of POOL_QUEUES[pool].map((key) => QUEUES[key])) {
      if (!queries.some((query) => query.includes(`queue="${queue}"`)))
        problems.push(`${source} ${object.metadata?.name}: no trigger reads queue "${queue}" of pool ${pool}`);
    }
  }
  for (const pool of ALL_POOLS) {
    if (![...poolOfDeployment.values()].includes(pool)) problems.push(`no worker Deployment for pool ${pool}`);
    else if (!scaledPools.has(pool)) problems.push(`no ScaledObject for the ${pool} pool's worker Deployment`);
  }
}

/** Every cross-object problem in a set of manifests. */
export function checkConsistency(docs: ManifestDoc[]): string[] {
  const problems: string[] = [];
  const configMaps = new Map(
    ofKind<ConfigMapLike>(docs, 'ConfigMap').map((d) => [d.object.metadata?.name ?? '', d.object.data ?? {}]),
  );
  checkReferences(docs, problems);
  checkSelectors(docs, problems);
  const poolOfDeployment = checkLifecycle(docs, configMaps, problems);
  checkAutoscaling(docs, poolOfDeployment, problems);
  return problems;
}
