// Protects scale-out on Redis Cluster: with REDIS_URL pointing at a local 3-master cluster, a
// batch is accepted, queued, graded and completed end to end, the per-key rate limiter answers
// 429, and a pool-settings change reaches the live worker over cluster pub/sub.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Cluster } from 'ioredis';
import { PoolRunner } from '../../apps/worker/pools/pool-runner.service.js';
import { QUEUES } from '../../libs/queue/index.js';
import { freePort } from '../chaos/support/free-port.js';
import { createPrivateRedis, type PrivateRedis } from '../chaos/support/private-redis.js';
import { createOrgWithKeys, type RunningStack, startStack } from '../support/running-stack.js';
import { waitFor } from '../support/wait-for.js';

const BATCH = 300;
let dir: string;
let nodes: PrivateRedis[] = [];
let stack: RunningStack;
let clusterUrl: string;

async function startCluster(): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'stepgrade-cluster-'));
  const ports = [await freePort(), await freePort(), await freePort()];
  nodes = ports.map((port) =>
    createPrivateRedis(dir, port, [
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, `nodes-${port}.conf`),
      '--cluster-node-timeout',
      '5000',
    ]),
  );
  await Promise.all(nodes.map((node) => node.start()));
  execFileSync(
    'redis-cli',
    ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'],
    { stdio: 'pipe' },
  );
  await waitFor(
    'cluster_state:ok on every node',
    async () => {
      const states = ports.map((port) =>
        execFileSync('redis-cli', ['-p', String(port), 'cluster', 'info'], { encoding: 'utf8' }),
      );
      return states.every((state) => state.includes('cluster_state:ok')) ? true : undefined;
    },
    { hardTimeoutMs: 30_000, intervalMs: 200 },
  );
  return `redis+cluster://127.0.0.1:${ports[0]}?nodes=${ports
    .slice(1)
    .map((port) => `127.0.0.1:${port}`)
    .join(',')}`;
}

beforeAll(async () => {
  clusterUrl = await startCluster();
  stack = await startStack('redis_cluster', {
    env: {
      REDIS_URL: clusterUrl,
      STEPGRADE_RATE_LIMIT: '20',
      STEPGRADE_RECONCILE_AFTER_S: '5',
      STEPGRADE_RECONCILE_EVERY_S: '1',
    },
  });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await Promise.all(nodes.map((node) => node.kill()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Redis Cluster (3 masters)', () => {
  it("grades a batch end to end, with each queue's keys on the shard of its hash tag", async () => {
    const org = await createOrgWithKeys(stack, 'Cluster');
    const assignment = await org.teacher.post('/v1/assignments', {
      title: 'Cluster',
      grading: { inference: 'none' },
      problems: [{ key: 'p1', statement: 'Compute 12 * 7 + 5.', answer: '89' }],
    });
    const submissions = Array.from({ length: BATCH }, (_, index) => ({
      studentId: `s-${index}`,
      answers: [{ problemKey: 'p1', steps: ['12 * 7 = 84', index % 3 === 0 ? '84 + 5 = 88' : '84 + 5 = 89'] }],
    }));
    const accepted = await org.teacher.post(`/v1/assignments/${assignment.body.id}/submissions/batch`, { submissions });
    expect(accepted.status).toBe(202);
    expect(accepted.body.accepted).toBe(BATCH);
    const batch = await waitFor(
      'batch completed on the cluster',
      async () => {
        const view = await org.teacher.get(`/v1/batches/${accepted.body.batchId}`);
        return view.body.status === 'completed' ? view.body : undefined;
      },
      {
        hardTimeoutMs: 120_000,
        stallMs: 30_000,
        intervalMs: 250,
        progress: async () => (await org.teacher.get(`/v1/batches/${accepted.body.batchId}`)).body.graded,
      },
    );
    expect(batch).toMatchObject({ total: BATCH, graded: BATCH, queued: 0, grading: 0, failed: 0 });

    const cluster = new Cluster([{ host: '127.0.0.1', port: nodes[0]!.port }]);
    try {
      const prefix = stack.testEnv.config.queuePrefix;
      const slot = await cluster.cluster('KEYSLOT', `${prefix}:${QUEUES.grade}:id`);
      expect(await cluster.cluster('KEYSLOT', `${prefix}:${QUEUES.grade}:meta`)).toBe(slot);
      expect(await cluster.exists(`${prefix}:${QUEUES.grade}:meta`)).toBe(1);
    } finally {
      cluster.disconnect();
    }
  }, 150_000);

  it('rate-limits per key through the cluster connection (429 with Retry-After)', async () => {
    const org = await createOrgWithKeys(stack, 'Cluster limits');
    const statuses = await Promise.all(Array.from({ length: 100 }, () => org.teacher.get('/v1/assignments')));
    const limited = statuses.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(statuses.filter((response) => response.status >= 500)).toEqual([]);
  });

  it('delivers pool-settings changes to the live worker over cluster pub/sub', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // let the limiter's bucket refill
    const patched = await stack.admin.request('PATCH', '/v1/admin/pools/cpu', { concurrency: 3 });
    expect(patched.status).toBe(200);
    const runner = stack.worker!.get(PoolRunner);
    // the grade worker takes a chunk of jobs per unit of pool concurrency
    const perSlot = stack.testEnv.config.grading.chunkSize;
    await waitFor(
      `worker concurrency 3 (x ${perSlot} jobs per slot)`,
      async () => (runner.worker('grade')?.concurrency === 3 * perSlot ? true : undefined),
      { hardTimeoutMs: 10_000 },
    );
  });
});
