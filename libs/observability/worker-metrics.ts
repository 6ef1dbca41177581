import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** What a worker process counts about its jobs; served by the worker's metrics server. */
export class WorkerMetrics {
  readonly registry = new Registry();
  readonly jobDuration = new Histogram({
    name: 'stepgrade_job_duration_seconds',
    help: 'Time a job ran on a worker, by queue and outcome (completed | failed)',
    labelNames: ['queue', 'pool', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });
  readonly jobs = new Counter({
    name: 'stepgrade_jobs_total',
    help: 'Jobs finished by this worker, by queue and outcome (completed | retried | failed = retries spent)',
    labelNames: ['queue', 'pool', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly gradingOutcomes = new Counter({
    name: 'stepgrade_grading_outcomes_total',
    help: 'Grade jobs by what they did: graded (a result written), needs_review, failed, parked (waiting for a model), replayed (already written)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly modelTokens = new Counter({
    name: 'stepgrade_model_tokens_total',
    help: 'Model tokens used, by pool and kind (prompt | completion)',
    labelNames: ['pool', 'kind'] as const,
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'stepgrade_webhook_deliveries_total',
    help: 'Outbound webhook delivery attempts by result (delivered | retry_scheduled | failed | skipped)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'stepgrade_worker_' });
  }
}
