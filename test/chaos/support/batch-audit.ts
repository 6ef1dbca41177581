import { waitFor } from '../../support/wait-for.js';
import { type ChaosBatch, gradedCount } from './chaos-batch.js';
import type { ChaosStack } from './chaos-stack.js';

/** What the record and the receiver say about one batch once it has settled. */
export interface BatchAudit {
  batchStatus: string;
  statuses: Record<string, number>;
  submissions: number;
  /** Submissions whose result rows are not exactly one row at version 1. */
  notExactlyOneResult: number;
  /** submission.graded outbox rows per submission that has any (should all be 1). */
  outboxRowsPerSubmission: number[];
  /** Submissions the receiver heard about, and those it heard about under more than one webhook-id. */
  webhookedSubmissions: number;
  submissionsWithSeveralWebhookIds: number;
}

async function progressOrZero(stack: ChaosStack, batchId: string): Promise<number> {
  // A crashed process will not heal by waiting: fail now, with its last output.
  const crashed = stack.crashed();
  if (crashed.length > 0) throw new Error(crashed.join('\n'));
  try {
    return await gradedCount(stack, batchId);
  } catch {
    return 0; // Postgres restarting: no reading this time
  }
}

/**
 * Time from a fault until grading is clearly moving again: `margin` more submissions graded than at
 * the moment the fault was over (more than the jobs that could have been in flight when it hit).
 */
export async function timeToRecover(
  stack: ChaosStack,
  batch: ChaosBatch,
  faultStartedAt: number,
  margin = 10,
): Promise<number> {
  const baseline = await waitFor(
    'a reading of the record',
    async () => {
      try {
        return await gradedCount(stack, batch.batchId);
      } catch {
        return undefined;
      }
    },
    { hardTimeoutMs: 60_000, intervalMs: 100 },
  );
  const target = Math.min(batch.accepted, baseline + margin);
  await waitFor(
    `grading to resume after the fault (${target} graded)`,
    async () => ((await progressOrZero(stack, batch.batchId)) >= target ? true : undefined),
    {
      hardTimeoutMs: 90_000,
      intervalMs: 50,
    },
  );
  return Date.now() - faultStartedAt;
}

/** Waits for every submission to be graded and every graded event to reach the receiver. */
export async function waitForSettled(stack: ChaosStack, batch: ChaosBatch): Promise<void> {
  await waitFor(
    `batch ${batch.name} graded`,
    async () => ((await progressOrZero(stack, batch.batchId)) >= batch.accepted ? true : undefined),
    {
      hardTimeoutMs: 180_000,
      stallMs: 45_000,
      intervalMs: 250,
      progress: () => progressOrZero(stack, batch.batchId),
    },
  );
  const heard = () => new Set(stack.receiver.on(batch.hookPath).map((request) => request.json.data.id as string)).size;
  await waitFor(`webhooks of batch ${batch.name}`, async () => (heard() >= batch.accepted ? true : undefined), {
    hardTimeoutMs: 120_000,
    stallMs: 45_000,
    intervalMs: 250,
    progress: async () => heard(),
  });
}

export async function auditBatch(stack: ChaosStack, batch: ChaosBatch): Promise<BatchAudit> {
  const statusRows = await stack.db.query<{ status: string; count: string }>(
    'SELECT status, count(*) FROM submissions WHERE batch_id = $1 GROUP BY status',
    [batch.batchId],
  );
  const statuses = Object.fromEntries(statusRows.rows.map((row) => [row.status, Number(row.count)]));
  const results = await stack.db.query<{ count: string }>(
    `SELECT count(*) FROM submissions s
       CROSS JOIN LATERAL (SELECT count(*) AS result_count, min(version) AS first_version FROM submission_results r WHERE r.submission_id = s.id) result
       WHERE s.batch_id = $1 AND NOT (result.result_count = 1 AND result.first_version = 1)`,
    [batch.batchId],
  );
  const outbox = await stack.db.query<{ count: string }>(
    `SELECT count(*) FROM webhook_events e JOIN submissions s ON s.id = e.submission_id
       WHERE s.batch_id = $1 AND e.type = 'submission.graded' GROUP BY e.submission_id`,
    [batch.batchId],
  );
  const idsBySubmission = new Map<string, Set<string>>();
  for (const request of stack.receiver.on(batch.hookPath)) {
    const submissionId = request.json.data.id as string;
    const ids = idsBySubmission.get(submissionId) ?? new Set<string>();
    ids.add(String(request.headers['webhook-id']));
    idsBySubmission.set(submissionId, ids);
  }
  const batchView = await batch.teacher.get(`/v1/batches/${batch.batchId}`);
  return {
    batchStatus: batchView.body.status,
    statuses,
    submissions: Object.values(statuses).reduce((sum, count) => sum + count, 0),
    notExactlyOneResult: Number(results.rows[0]!.count),
    outboxRowsPerSubmission: outbox.rows.map((row) => Number(row.count)),
    webhookedSubmissions: idsBySubmission.size,
    submissionsWithSeveralWebhookIds: [...idsBySubmission.values()].filter((ids) => ids.size !== 1).length,
  };
}
