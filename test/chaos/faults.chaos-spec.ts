// Protects "a class's homework is never lost": with a 2,000-submission batch in flight, a killed
// worker, a flushed and restarted Redis, a restarted Postgres and a repeatedly killed second worker
// each end with every submission graded exactly once (one result row, one webhook-id), the batch
// completed, and the API answering 503, never 500, while Postgres is down.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type BatchAudit, auditBatch, timeToRecover, waitForSettled } from './support/batch-audit.js';
import { BATCH_SIZE, type ChaosBatch, gradedCount, submitBatch } from './support/chaos-batch.js';
import { type ChaosStack, startChaosStack } from './support/chaos-stack.js';
import { pollDuringOutage } from './support/outage-poller.js';

let stack: ChaosStack;
const figures: { fault: string; recoveryMs: number; batchSeconds: number; note: string }[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the batch is well under way, so the fault hits work in flight. */
async function inFlight(batch: ChaosBatch, graded = 200): Promise<void> {
  while ((await gradedCount(stack, batch.batchId)) < graded) await sleep(100);
}

function expectExactlyOnce(audit: BatchAudit): void {
  expect(audit.submissions).toBe(BATCH_SIZE);
  expect(audit.statuses).toEqual({ graded: BATCH_SIZE });
  expect(audit.batchStatus).toBe('completed');
  expect(audit.notExactlyOneResult).toBe(0);
  expect(audit.outboxRowsPerSubmission).toHaveLength(BATCH_SIZE);
  expect(new Set(audit.outboxRowsPerSubmission)).toEqual(new Set([1]));
  expect(audit.webhookedSubmissions).toBe(BATCH_SIZE);
  expect(audit.submissionsWithSeveralWebhookIds).toBe(0);
}

/** Processes that died without being killed by the test: a crash is a failure, not a fault to heal. */
function crashes(): string[] {
  return [stack.api, ...stack.workers.values()].flatMap((service) => service.crashes.splice(0));
}

async function settleAndAudit(
  batch: ChaosBatch,
  submittedAt: number,
  fault: string,
  recoveryMs: number,
  note: string,
): Promise<void> {
  try {
    await waitForSettled(stack, batch);
  } finally {
    expect(crashes()).toEqual([]);
  }
  figures.push({ fault, recoveryMs, batchSeconds: Math.round((Date.now() - submittedAt) / 100) / 10, note });
  expectExactlyOnce(await auditBatch(stack, batch));
}

beforeAll(async () => {
  stack = await startChaosStack();
}, 120_000);

beforeEach(async () => {
  // A process that crashed in an earlier case is started again, so each case stands on its own.
  if (!stack.api.pid()) {
    stack.api.start();
    await stack.waitForApi();
  }
  if (!stack.workers.get('worker-a')!.pid()) stack.startWorker('worker-a');
});

afterAll(async () => {
  console.log(
    `chaos figures (batch of ${BATCH_SIZE}; recovery = fault start until grading moves again):\n` +
      figures
        .map(
          (row) =>
            `  ${row.fault.padEnd(34)} recovery ${String(row.recoveryMs).padStart(6)} ms   batch done in ${String(row.batchSeconds).padStart(5)} s   ${row.note}`,
        )
        .join('\n'),
  );
  await stack?.stop();
}, 60_000);

describe('chaos: faults with a 2,000-submission batch in flight', () => {
  it('kill -9 of the only worker, then a restart, loses and duplicates nothing', async () => {
    const submittedAt = Date.now();
    const batch = await submitBatch(stack, 'kill-worker');
    expect(batch.accepted).toBe(BATCH_SIZE);
    await inFlight(batch);
    const faultAt = Date.now();
    await stack.workers.get('worker-a')!.kill9();
    stack.startWorker('worker-a');
    const recoveryMs = await timeToRecover(stack, batch, faultAt);
    await settleAndAudit(
      batch,
      submittedAt,
      'kill -9 worker + restart',
      recoveryMs,
      'stalled jobs return after the lock expires',
    );
  }, 240_000);

  it('FLUSHALL and a restart of Redis: the reconciler re-enqueues from Postgres', async () => {
    const submittedAt = Date.now();
    const batch = await submitBatch(stack, 'flush-redis');
    await inFlight(batch);
    const faultAt = Date.now();
    await stack.redis.flushAll();
    await stack.redis.kill();
    await stack.redis.start();
    const recoveryMs = await timeToRecover(stack, batch, faultAt);
    await settleAndAudit(
      batch,
      submittedAt,
      'FLUSHALL + Redis restart (empty)',
      recoveryMs,
      'queues rebuilt by the reconciler',
    );
  }, 240_000);

  it('a Postgres restart: the API answers 503 (never 500) while it is down, and grading resumes', async () => {
    const submittedAt = Date.now();
    const batch = await submitBatch(stack, 'restart-postgres');
    await inFlight(batch);
    const faultAt = Date.now();
    const poller = pollDuringOutage(batch.teacher, `/v1/batches/${batch.batchId}`);
    stack.postgres.stop();
    await sleep(3_000);
    stack.postgres.start();
    const statuses = await poller.stopWhenHealthy();
    const recoveryMs = await timeToRecover(stack, batch, faultAt).catch((error: Error) => {
      throw new Error(`${error.message}\n${crashes().join('\n')}`);
    });
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    await settleAndAudit(
      batch,
      submittedAt,
      'Postgres restart (3 s down)',
      recoveryMs,
      `API during outage: ${[...statuses].map(([status, count]) => `${count}x${status}`).join(', ')}`,
    );
  }, 240_000);

  it('two cpu workers, one killed -9 and restarted repeatedly: nothing lost or doubled', async () => {
    stack.startWorker('worker-b');
    const submittedAt = Date.now();
    const batch = await submitBatch(stack, 'kill-one-of-two');
    await inFlight(batch);
    const recoveries: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      const faultAt = Date.now();
      await stack.workers.get('worker-b')!.kill9();
      stack.startWorker('worker-b');
      recoveries.push(await timeToRecover(stack, batch, faultAt));
      await sleep(2_000);
    }
    await settleAndAudit(
      batch,
      submittedAt,
      'kill -9 one of two workers x4',
      Math.max(...recoveries),
      `each kill: ${recoveries.join(', ')} ms`,
    );
  }, 240_000);
});
