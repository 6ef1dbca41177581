import type { Job, Worker } from 'bullmq';
import { QUEUE_POOL, type QueueKey } from '../../../libs/queue/index.js';
import type { WorkerMetrics } from '../../../libs/observability/index.js';

/** What a grade job's return value says it did, as a grading-outcome label. */
function gradingOutcome(result: unknown): string | null {
  const outcome = (result as { outcome?: unknown; written?: unknown; status?: unknown } | null) ?? {};
  switch (outcome.outcome) {
    case 'saved':
      if (outcome.written === false) return 'replayed';
      // The processor may report the saved status (graded | needs_review); without it, "saved".
      return typeof outcome.status === 'string' ? outcome.status : 'saved';
    case 'review':
      return 'needs_review';
    case 'parked':
    case 'skipped':
      return outcome.outcome;
    default:
      return null;
  }
}

function seconds(job: Job): number | null {
  return job.processedOn && job.finishedOn ? Math.max(0, (job.finishedOn - job.processedOn) / 1000) : null;
}

/**
 * Counts every job a BullMQ worker finishes: duration and outcome per queue, and what the job's
 * result says (grading outcome, webhook delivery result). A failure is `retried` while attempts
 * remain and `failed` once they are spent.
 */
export function recordJobMetrics(worker: Worker, key: QueueKey, metrics: WorkerMetrics): void {
  const pool = QUEUE_POOL[key];
  worker.on('completed', (job, result) => {
    const duration = seconds(job);
    if (duration !== null) metrics.jobDuration.observe({ queue: key, pool, outcome: 'completed' }, duration);
    metrics.jobs.inc({ queue: key, pool, outcome: 'completed' });
    if (key === 'grade') {
      const outcome = gradingOutcome(result);
      if (outcome) metrics.gradingOutcomes.inc({ outcome });
    }
    if (key === 'webhooks') {
      const delivery = (result as { result?: unknown } | null)?.result;
      if (typeof delivery === 'string') metrics.webhookDeliveries.inc({ result: delivery });
    }
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    const duration = seconds(job);
    if (duration !== null) metrics.jobDuration.observe({ queue: key, pool, outcome: 'failed' }, duration);
    const final = error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    metrics.jobs.inc({ queue: key, pool, outcome: final ? 'failed' : 'retried' });
    if (final && key === 'grade') metrics.gradingOutcomes.inc({ outcome: 'failed' });
  });
}
