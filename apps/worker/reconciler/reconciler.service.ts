import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { DATABASE, type Database, SubmissionRepository, WebhookEventRepository } from '../../../libs/db/index.js';
import { ReferenceReconciler } from './reference-reconciler.js';
import { GradeQueueProducer, WebhookQueueProducer } from '../../../libs/queue/index.js';
import { ResultsService } from '../../../libs/results/index.js';

const RECONCILE_LOCK = 7_304_211;
const BATCH_SIZE = 1_000;

/**
 * Postgres is the outbox: submissions left queued/grading with no recent activity (a crash
 * between commit and enqueue, a Redis flush) are enqueued again. Job ids are deterministic, so a
 * job that still exists is not duplicated; an advisory lock keeps concurrent workers from doing
 * the same pass twice.
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reconciler');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly db: Database,
    private readonly submissions: SubmissionRepository,
    private readonly producer: GradeQueueProducer,
    private readonly referenceReconciler: ReferenceReconciler,
    private readonly results: ResultsService,
    private readonly webhookEvents: WebhookEventRepository,
    private readonly webhookProducer: WebhookQueueProducer,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.pools.enabled.includes('cpu')) return;
    this.timer = setInterval(() => void this.tick(), this.config.reconciler.everyS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.reconcileOnce();
    try {
      const count = await this.running;
      if (count > 0) this.logger.log(`re-enqueued ${count} stale submission(s) and webhook deliveries`);
    } catch (error) {
      this.logger.warn(`reconcile pass failed (next pass retries): ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }

  /** One pass; returns how many submissions and webhook deliveries were re-enqueued. */
  async reconcileOnce(): Promise<number> {
    const client = await this.db.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        RECONCILE_LOCK,
      ]);
      if (!rows[0]?.locked) return 0;
      try {
        const olderThan = new Date(Date.now() - this.config.reconciler.afterS * 1000);
        const stale = await this.submissions.findStale(olderThan, BATCH_SIZE);
        if (stale.length > 0) {
          await this.producer.enqueue(stale.map((row) => ({ submissionId: row.id, version: row.resultVersion })));
          await this.submissions.touch(stale.map((row) => row.id));
        }
        // Webhook deliveries are outbox rows too: due ones whose job was lost are enqueued again.
        const dueDeliveries = await this.webhookEvents.findDue(olderThan, BATCH_SIZE);
        if (dueDeliveries.length > 0) {
          await this.webhookProducer.enqueue(dueDeliveries.map((row) => ({ eventId: row.id, attempt: row.attempts })));
          await this.webhookEvents.touch(dueDeliveries.map((row) => row.id));
        }
        const referenceActions = await this.referenceReconciler.reconcileOnce();
        // A batch whose last result committed but whose completion was never recorded.
        const completedBatches = await this.results.settleBatches(await this.results.settledButOpenBatches(100));
        return stale.length + dueDeliveries.length + referenceActions + completedBatches.length;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [RECONCILE_LOCK]);
      }
    } finally {
      client.release();
    }
  }
}
