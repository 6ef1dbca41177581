import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { DATABASE, type Database, SubmissionRepository } from '../../../libs/db/index.js';
import { GradeQueueProducer } from '../../../libs/queue/index.js';

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
      if (count > 0) this.logger.log(`re-enqueued ${count} stale submission(s)`);
    } catch (error) {
      this.logger.warn(`reconcile pass failed (next pass retries): ${(error as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }

  /** One pass; returns how many submissions were re-enqueued. */
  async reconcileOnce(): Promise<number> {
    const client = await this.db.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RECONCILE_LOCK]);
      if (!rows[0]?.locked) return 0;
      try {
        const olderThan = new Date(Date.now() - this.config.reconciler.afterS * 1000);
        const stale = await this.submissions.findStale(olderThan, BATCH_SIZE);
        if (stale.length === 0) return 0;
        await this.producer.enqueue(stale.map((row) => ({ submissionId: row.id, version: row.resultVersion })));
        await this.submissions.touch(stale.map((row) => row.id));
        return stale.length;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [RECONCILE_LOCK]);
      }
    } finally {
      client.release();
    }
  }
}
