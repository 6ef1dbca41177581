// Protects the offline deployment check: the shipped manifests and compose file pass, and each
// kind of mistake (schema violation, dangling reference, short grace period, wrong profile) fails it.
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ComposeFile } from './compose-checks.js';
import { type ManifestDoc, loadManifestDir, parseManifestText } from './manifest-files.js';
import {
  validateComposeFile,
  validateComposeText,
  validateDeployDir,
  validateManifests,
} from './validate-manifests.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const K8S_DIR = join(ROOT, 'deploy/k8s');
const COMPOSE = join(ROOT, 'docker-compose.yml');

// Fixtures are free-form YAML, mutated by path in each test.
type Json = Record<string, any>;

async function shippedDocs(): Promise<ManifestDoc[]> {
  return structuredClone((await loadManifestDir(K8S_DIR)).docs.filter((doc) => doc.object.kind !== 'Kustomization'));
}

function find(docs: ManifestDoc[], kind: string, name: string): Json {
  const doc = docs.find((d) => d.object.kind === kind && (d.object.metadata as Json | undefined)?.name === name);
  if (!doc) throw new Error(`fixture: no ${kind} ${name}`);
  return doc.object as Json;
}

async function shippedCompose(): Promise<ComposeFile> {
  return parse(await readFile(COMPOSE, 'utf8'), { merge: true }) as ComposeFile;
}

const composeProblems = (compose: ComposeFile) => validateComposeText(JSON.stringify(compose), ROOT).problems;

describe('deploy/k8s', () => {
  it('validates every shipped manifest against the Kubernetes and KEDA schemas with no problem', async () => {
    const report = await validateDeployDir(K8S_DIR);
    expect(report.problems).toEqual([]);
    expect(report.kinds).toMatchObject({ Deployment: 5, ScaledObject: 3, Job: 2, Service: 2 });
  });

  it('rejects an in-memory Deployment that breaks the schema', () => {
    const broken: ManifestDoc = {
      source: 'memory#0',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'broken' },
        spec: {
          replicas: 'two',
          selector: { matchLabels: { app: 'x' } },
          template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ image: 'x' }] } },
        },
      },
    };
    const problems = validateManifests([broken]).problems.join('\n');
    expect(problems).toMatch(/memory#0.*replicas must be integer/);
    expect(problems).toMatch(/must have required property 'name'|must have required property name/);
  });

  it('rejects an unknown kind instead of passing it unvalidated', () => {
    const problems = validateManifests([
      { source: 'memory#0', object: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } } },
    ]).problems;
    expect(problems.join('\n')).toMatch(/no schema for example\.com\/v1\/Widget/);
  });

  it('rejects a ScaledObject that targets a missing Deployment', async () => {
    const docs = await shippedDocs();
    find(docs, 'ScaledObject', 'stepgrade-worker-edge').spec.scaleTargetRef.name = 'stepgrade-worker-nope';
    const problems = validateManifests(docs).problems.join('\n');
    expect(problems).toMatch(/scaleTargetRef stepgrade-worker-nope is not a Deployment/);
    expect(problems).toMatch(/no ScaledObject for the edge pool/);
  });

  it('rejects a worker whose termination grace period is shorter than its longest job', async () => {
    const docs = await shippedDocs();
    const edge = find(docs, 'Deployment', 'stepgrade-worker-edge');
    const grace = Number(
      edge.spec.template.spec.containers[0].env.find((e: Json) => e.name === 'STEPGRADE_SHUTDOWN_GRACE_S').value,
    );
    edge.spec.template.spec.terminationGracePeriodSeconds = grace;
    expect(validateManifests(docs).problems.join('\n')).toMatch(
      /stepgrade-worker-edge: terminationGracePeriodSeconds \d+ < STEPGRADE_SHUTDOWN_GRACE_S/,
    );
  });

  it('rejects misspelled settings, broken selectors and a cpu pool allowed to scale to zero', async () => {
    const docs = await shippedDocs();
    find(docs, 'Deployment', 'stepgrade-worker-gpu').spec.template.spec.containers[0].env.push({
      name: 'GPU_CONCURENCY',
      value: '8',
    });
    find(docs, 'Deployment', 'stepgrade-api').spec.selector.matchLabels['app.kubernetes.io/component'] = 'apii';
    find(docs, 'ScaledObject', 'stepgrade-worker-cpu').spec.minReplicaCount = 0;
    const problems = validateManifests(docs).problems.join('\n');
    expect(problems).toMatch(/env GPU_CONCURENCY is not a StepGrade setting/);
    expect(problems).toMatch(/stepgrade-api: spec.selector does not match/);
    expect(problems).toMatch(/cpu pool runs the reconciler/);
  });

  it('rejects an autoscaler whose query does not read its pool queue', async () => {
    const docs = await shippedDocs();
    const trigger = find(docs, 'ScaledObject', 'stepgrade-worker-gpu').spec.triggers[0];
    trigger.metadata.query = 'max(stepgrade_queue_waiting{queue="{edge}"})';
    expect(validateManifests(docs).problems.join('\n')).toMatch(/no trigger reads queue "\{gpu\}"/);
  });

  it('reports YAML syntax errors with their file and document', () => {
    const { problems } = parseManifestText('kind: ConfigMap\n---\nkind: [unclosed\n', 'bad.yaml');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^bad\.yaml#1: YAML:/);
  });

  it('rejects a manifest file the kustomization does not list', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stepgrade-k8s-'));
    try {
      await writeFile(
        join(dir, 'kustomization.yaml'),
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml, missing.yaml]\n',
      );
      await writeFile(join(dir, 'a.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
      await writeFile(join(dir, 'b.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n');
      const problems = (await validateDeployDir(dir)).problems.join('\n');
      expect(problems).toMatch(/resource missing\.yaml does not exist/);
      expect(problems).toMatch(/b\.yaml is not listed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('docker-compose.yml', () => {
  it('passes the structural checks as shipped', async () => {
    const report = await validateComposeFile(COMPOSE);
    expect(report.problems).toEqual([]);
  });

  it('rejects a missing health check that a dependency waits on', async () => {
    const compose = await shippedCompose();
    delete compose.services!.redis.healthcheck;
    const problems = composeProblems(compose).join('\n');
    expect(problems).toMatch(/service redis: needs a health check/);
    expect(problems).toMatch(/service api: waits for redis to be healthy, but redis has no health check/);
  });

  it('rejects dangling dependencies, unknown build targets and wrong profiles', async () => {
    const compose = await shippedCompose();
    const services = compose.services!;
    services.worker.depends_on = { ...(services.worker.depends_on as object), cache: { condition: 'service_started' } };
    (services['worker-edge'].build as Json).target = 'edgy';
    delete services['worker-gpu'].profiles;
    const problems = composeProblems(compose).join('\n');
    expect(problems).toMatch(/service worker: depends_on cache, which is not a service/);
    expect(problems).toMatch(/build target edgy is no stage/);
    expect(problems).toMatch(/service worker-gpu: depends on vllm, which is only in profile\(s\) gpu/);
    expect(problems).toMatch(/profile "\(default\)" runs \[.*worker-gpu.*\], intended/);
  });

  it('rejects Redis without noeviction and an empty setting that would fail config validation', async () => {
    const compose = await shippedCompose();
    compose.services!.redis.command = ['redis-server'];
    (compose.services!.api.environment as Json).STEPGRADE_BOOTSTRAP_ADMIN_KEY = '';
    const problems = composeProblems(compose).join('\n');
    expect(problems).toMatch(/noeviction/);
    expect(problems).toMatch(/STEPGRADE_BOOTSTRAP_ADMIN_KEY is empty/);
  });
});
