// Protects the job metrics a worker exports: durations and outcomes per queue, retries told apart
// from final failures, and what grade and webhook jobs report (grading outcome, delivery result).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import type { Job, Worker } from 'bullmq';
import { WorkerMetrics } from '../../../libs/observability/index.js';
import { recordJobMetrics } from './job-metrics.recorder.js';

const job = (overrides: Partial<Job> = {}) =>
  ({ processedOn: 1_000, finishedOn: 1_250, attemptsMade: 1, opts: { attempts: 3 }, ...overrides }) as Job;

async function value(metrics: WorkerMetrics, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((entry) => entry.name === name)!;
  const found = (metric.values as { labels: Record<string, string>; value: number; metricName?: string }[]).find(
    (entry) =>
      (!entry.metricName || entry.metricName === `${name}_count`) &&
      Object.entries(labels).every(([key, label]) => entry.labels[key] === label),
  );
  return found?.value ?? 0;
}

describe('recordJobMetrics', () => {
  it('counts grade outcomes and durations from completed jobs', async () => {
    const metrics = new WorkerMetrics();
    const worker = new EventEmitter();
    recordJobMetrics(worker as unknown as Worker, 'grade', metrics);
    worker.emit('completed', job(), { outcome: 'saved', written: true, status: 'graded' });
    worker.emit('completed', job(), { outcome: 'saved', written: false });
    worker.emit('completed', job(), { outcome: 'review', completedBatchId: null });
    expect(await value(metrics, 'stepgrade_grading_outcomes_total', { outcome: 'graded' })).toBe(1);
    expect(await value(metrics, 'stepgrade_grading_outcomes_total', { outcome: 'replayed' })).toBe(1);
    expect(await value(metrics, 'stepgrade_grading_outcomes_total', { outcome: 'needs_review' })).toBe(1);
    expect(await value(metrics, 'stepgrade_jobs_total', { queue: 'grade', outcome: 'completed' })).toBe(3);
    expect(await value(metrics, 'stepgrade_job_duration_seconds', { queue: 'grade', outcome: 'completed' })).toBe(3);
  });

  it('tells a retried failure from a final one', async () => {
    const metrics = new WorkerMetrics();
    const worker = new EventEmitter();
    recordJobMetrics(worker as unknown as Worker, 'grade', metrics);
    worker.emit('failed', job({ attemptsMade: 1 }), new Error('Postgres restarting'));
    worker.emit('failed', job({ attemptsMade: 3 }), new Error('still down'));
    expect(await value(metrics, 'stepgrade_jobs_total', { outcome: 'retried' })).toBe(1);
    expect(await value(metrics, 'stepgrade_jobs_total', { outcome: 'failed' })).toBe(1);
    expect(await value(metrics, 'stepgrade_grading_outcomes_total', { outcome: 'failed' })).toBe(1);
  });

  it('counts webhook delivery results', async () => {
    const metrics = new WorkerMetrics();
    const worker = new EventEmitter();
    recordJobMetrics(worker as unknown as Worker, 'webhooks', metrics);
    worker.emit('completed', job(), { result: 'delivered' });
    worker.emit('completed', job(), { result: 'retry_scheduled' });
    expect(await value(metrics, 'stepgrade_webhook_deliveries_total', { result: 'delivered' })).toBe(1);
    expect(await value(metrics, 'stepgrade_webhook_deliveries_total', { result: 'retry_scheduled' })).toBe(1);
  });
});
