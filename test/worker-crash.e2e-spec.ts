// Protects "graded exactly once": a worker killed with SIGKILL in the middle of a batch and then
// restarted leaves every submission graded, with exactly one result row each.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { bakeryAssignment, correctWork, submission } from './fixtures.js';
import type { ApiClient } from './support/http-client.js';
import { createOrgWithKeys, type RunningStack, startStack } from './support/running-stack.js';
import { waitFor } from './support/wait-for.js';
import { exited, startWorkerProcess } from './support/worker-process.js';

const BATCH = 600;
let stack: RunningStack;
let teacher: ApiClient;
let db: pg.Pool;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  stack = await startStack('worker_crash', {
    worker: false,
    env: {
      STEPGRADE_JOB_LOCK_S: '2',
      STEPGRADE_RECONCILE_EVERY_S: '1',
      STEPGRADE_RECONCILE_AFTER_S: '5',
      CPU_CONCURRENCY: '4',
    },
  });
  teacher = (await createOrgWithKeys(stack, 'Crash org')).teacher;
  db = new pg.Pool({ connectionString: stack.testEnv.databaseUrl, max: 2 });
});

afterAll(async () => {
  worker?.kill('SIGKILL');
  await db?.end();
  await stack?.stop();
});

async function gradedCount(): Promise<number> {
  const { rows } = await db.query("SELECT count(*)::int AS n FROM submissions WHERE status = 'graded'");
  return rows[0].n;
}

describe('a worker killed mid-batch', () => {
  it('still leaves every submission graded exactly once', async () => {
    const created = await teacher.post('/v1/assignments', { ...bakeryAssignment, externalId: 'crash-assignment' });
    const submissions = Array.from({ length: BATCH }, (_, index) =>
      submission(`c-${index}`, correctWork, `crash-${index}`),
    );
    const batch = await teacher.post(`/v1/assignments/${created.body.id}/submissions/batch`, { submissions });
    expect(batch.body.accepted).toBe(BATCH);

    worker = startWorkerProcess(stack.testEnv.env);
    await waitFor('some submissions graded', async () => ((await gradedCount()) >= 50 ? true : undefined), {
      hardTimeoutMs: 60_000,
      intervalMs: 20,
    });
    worker.kill('SIGKILL');
    await exited(worker);
    const gradedAtCrash = await gradedCount();
    expect(gradedAtCrash).toBeLessThan(BATCH);

    worker = startWorkerProcess(stack.testEnv.env);
    await waitFor(
      'batch completion',
      async () => {
        const progress = await teacher.get(`/v1/batches/${batch.body.batchId}`);
        return progress.body.status === 'completed' ? progress.body : undefined;
      },
      { hardTimeoutMs: 120_000, stallMs: 30_000, progress: gradedCount },
    );

    const results = await db.query(
      `SELECT s.id, s.status::text AS status, count(r.id)::int AS results
       FROM submissions s LEFT JOIN submission_results r ON r.submission_id = s.id
       WHERE s.batch_id = $1 GROUP BY s.id, s.status`,
      [batch.body.batchId],
    );
    expect(results.rows).toHaveLength(BATCH);
    expect(results.rows.filter((row) => row.status !== 'graded')).toEqual([]);
    expect(results.rows.filter((row) => row.results !== 1)).toEqual([]);
  }, 180_000);
});
