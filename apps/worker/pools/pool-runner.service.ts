import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig, type PoolName } from '../../../libs/config/index.js';
import { WorkerMetrics, withLogContext } from '../../../libs/observability/index.js';
import { createRedisConnection, POOL_QUEUES, QUEUE_POOL, QUEUES, type QueueKey } from '../../../libs/queue/index.js';
import { GradeProcessor } from '../grading/grade.processor.js';
import { recordJobMetrics } from '../metrics/job-metrics.recorder.js';
import { meteredModelProviders } from '../metrics/metered-model-providers.js';
import { ModelJobProcessor } from '../models/model-job.processor.js';
import { ModelProviders } from '../models/model-providers.js';
import { JudgementService } from '../models/judgement.service.js';
import { ReferenceService } from '../models/reference.service.js';
import { WebhookDeliveryProcessor } from '../webhooks/index.js';
import type { JobHandler } from './job-handler.js';

/**
 * Starts one BullMQ worker per queue of the configured pools, with concurrency from config, and
 * drains them on shutdown within the grace period.
 */
@Injectable()
export class PoolRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PoolRunner');
  private readonly workers = new Map<QueueKey, Worker>();
  private readonly connections: Redis[] = [];
  /** Concurrency an admin set for a pool; wins over the start value from config. */
  private readonly concurrencyOverride = new Map<PoolName, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly gradeProcessor: GradeProcessor,
    private readonly modelProviders: ModelProviders,
    private readonly referenceService: ReferenceService,
    private readonly judgementService: JudgementService,
    private readonly webhookProcessor: WebhookDeliveryProcessor,
    private readonly metrics: WorkerMetrics,
  ) {}

  private handlers(): Partial<Record<QueueKey, JobHandler>> {
    const modelProviders = meteredModelProviders(this.modelProviders, this.metrics);
    return {
      grade: this.gradeProcessor,
      webhooks: this.webhookProcessor,
      gpu: new ModelJobProcessor('gpu', modelProviders, this.referenceService, this.judgementService),
      edge: new ModelJobProcessor('edge', modelProviders, this.referenceService, this.judgementService),
    };
  }

  /** Fails start-up when a configured pool consumes a queue nobody handles. */
  queuesToRun(): QueueKey[] {
    const handlers = this.handlers();
    const queueKeys = [...new Set(this.config.pools.enabled.flatMap((pool) => POOL_QUEUES[pool]))];
    const unhandled = queueKeys.filter((key) => !handlers[key]);
    if (unhandled.length > 0)
      throw new Error(
        `no handler for queue(s) ${unhandled.join(', ')} of pools ${this.config.pools.enabled.join(', ')}`,
      );
    return queueKeys;
  }

  onApplicationBootstrap(): void {
    const handlers = this.handlers();
    for (const key of this.queuesToRun()) {
      const handler = handlers[key]!;
      const connection = createRedisConnection(this.config.redisUrl, 'worker');
      this.connections.push(connection);
      const worker = new Worker(
        QUEUES[key],
        (job: Job) => withLogContext({ jobId: job.id, queue: key }, () => handler.process(job)),
        {
          connection,
          prefix: this.config.queuePrefix,
          concurrency:
            (this.concurrencyOverride.get(QUEUE_POOL[key]) ?? this.config.pools.concurrency[QUEUE_POOL[key]]) *
            (handler.jobsPerSlot ?? 1),
          lockDuration: this.config.jobLockS * 1000,
          stalledInterval: Math.max(1000, (this.config.jobLockS * 1000) / 2),
          maxStalledCount: 2,
        },
      );
      worker.on('failed', (job, error) => {
        if (!job) return;
        const attempts = job.opts.attempts ?? 1;
        const final = error.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
        if (final && handler.onFinalFailure) {
          handler
            .onFinalFailure(job, error)
            .catch((failure: Error) =>
              this.logger.error(`recording final failure of job ${job.id}: ${failure.message}`),
            );
        } else {
          this.logger.warn(
            `job ${job.id} on ${key} failed (attempt ${job.attemptsMade}/${attempts}): ${error.message}`,
          );
        }
      });
      worker.on('error', (error) => this.logger.error(`worker ${key}: ${error.message}`));
      recordJobMetrics(worker, key, this.metrics);
      this.workers.set(key, worker);
    }
    // `npm start` names the pools in its one start-up line; `npm run worker` logs its own at info.
    this.logger.debug(`pools ${this.config.pools.enabled.join(', ')} consuming ${[...this.workers.keys()].join(', ')}`);
  }

  /** Applied to running workers at once: BullMQ reads concurrency before taking each job. */
  applyConcurrency(pool: PoolName, concurrency: number): void {
    if (this.concurrencyOverride.get(pool) === concurrency) return;
    this.concurrencyOverride.set(pool, concurrency);
    const handlers = this.handlers();
    for (const [key, worker] of this.workers) {
      if (QUEUE_POOL[key] === pool) worker.concurrency = concurrency * (handlers[key]?.jobsPerSlot ?? 1);
    }
    this.logger.log(`pool ${pool} concurrency is now ${concurrency}`);
  }

  /** Liveness: every queue this process should consume has a consumer that is running. */
  consumersRunning(): boolean {
    return this.workers.size > 0 && [...this.workers.values()].every((worker) => worker.isRunning() && !worker.closing);
  }

  /** The running worker of a queue (admin pool controls change its concurrency live). */
  worker(key: QueueKey): Worker | undefined {
    return this.workers.get(key);
  }

  async onApplicationShutdown(): Promise<void> {
    const graceMs = this.config.shutdownGraceS * 1000;
    await Promise.all(
      [...this.workers.values()].map(async (worker) => {
        const drained = worker.close().then(() => true);
        const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref());
        // Past the grace period, jobs still running are released (their locks expire and another
        // worker takes them) rather than holding up the orchestrator's deadline.
        if (!(await Promise.race([drained, timedOut]))) await worker.close(true);
      }),
    );
    // BullMQ leaves connections it was given open; they are ours to close.
    for (const connection of this.connections) connection.disconnect();
  }
}
