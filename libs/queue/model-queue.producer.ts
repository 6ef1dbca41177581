import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { JOB_NAMES, judgementJobId, referenceJobId } from './job-payloads.js';
import { chooseModelPool, type InferenceSetting, type ModelPoolChoice, type ModelPoolState } from './model-routing.js';
import { QUEUES } from './queue-names.js';

/** Routes model jobs (reference generation) to the gpu or edge queue by the assignment's setting. */
@Injectable()
export class ModelQueueProducer {
  constructor(
    @InjectQueue(QUEUES.gpu) private readonly gpuQueue: Queue,
    @InjectQueue(QUEUES.edge) private readonly edgeQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  queueOf(pool: 'gpu' | 'edge'): Queue {
    return pool === 'gpu' ? this.gpuQueue : this.edgeQueue;
  }

  private cachedState: { at: number; state: Promise<ModelPoolState> } | null = null;

  /**
   * The pool state at most a second or two old: grading asks on every submission whether a model
   * pool is alive, and worker counts cost Redis a CLIENT LIST each.
   */
  recentPoolState(maxAgeMs = 2_000): Promise<ModelPoolState> {
    if (!this.cachedState || Date.now() - this.cachedState.at > maxAgeMs) {
      const state = this.poolState();
      this.cachedState = { at: Date.now(), state };
      // A failed read is not cached: the next caller asks Redis again.
      state.catch(() => {
        if (this.cachedState?.state === state) this.cachedState = null;
      });
    }
    return this.cachedState.state;
  }

  async poolState(): Promise<ModelPoolState> {
    const [gpuWorkers, edgeWorkers, oldestWaiting] = await Promise.all([
      this.gpuQueue.getWorkersCount(),
      this.edgeQueue.getWorkersCount(),
      this.gpuQueue.getWaiting(0, 0),
    ]);
    const oldest = oldestWaiting[0]?.timestamp;
    return {
      gpuWorkers,
      edgeWorkers,
      gpuOldestWaitingS: oldest ? Math.max(0, (Date.now() - oldest) / 1000) : 0,
      gpuBacklogLimitS: this.config.models.gpuBacklogS,
    };
  }

  async enqueueReference(problemId: string, revision: number, inference: InferenceSetting): Promise<ModelPoolChoice> {
    const choice = chooseModelPool(inference, await this.poolState());
    if (choice.pool === null) return choice;
    await this.queueOf(choice.pool).add(
      JOB_NAMES.generateReference,
      { problemId, revision },
      {
        jobId: referenceJobId(problemId, revision),
        attempts: this.config.models.jobAttempts,
        backoff: { type: 'exponential', delay: 2_000 },
      },
    );
    return choice;
  }

  async enqueueJudgement(judgementId: string, inference: InferenceSetting): Promise<ModelPoolChoice> {
    const choice = chooseModelPool(inference, await this.poolState());
    if (choice.pool === null) return choice;
    await this.queueOf(choice.pool).add(
      JOB_NAMES.judgeStep,
      { judgementId },
      {
        jobId: judgementJobId(judgementId),
        attempts: this.config.models.jobAttempts,
        backoff: { type: 'exponential', delay: 2_000 },
      },
    );
    return choice;
  }

  async findJudgementJob(judgementId: string): Promise<{ pool: 'gpu' | 'edge'; state: string } | null> {
    for (const pool of ['gpu', 'edge'] as const) {
      const job = await this.queueOf(pool).getJob(judgementJobId(judgementId));
      if (job) return { pool, state: await job.getState() };
    }
    return null;
  }

  /** Where a reference job is now, if anywhere: used to re-route or settle stuck work. */
  async findReferenceJob(problemId: string, revision: number): Promise<{ pool: 'gpu' | 'edge'; state: string } | null> {
    for (const pool of ['gpu', 'edge'] as const) {
      const job = await this.queueOf(pool).getJob(referenceJobId(problemId, revision));
      if (job) return { pool, state: await job.getState() };
    }
    return null;
  }

  async removeReferenceJob(pool: 'gpu' | 'edge', problemId: string, revision: number): Promise<void> {
    await this.queueOf(pool).remove(referenceJobId(problemId, revision));
  }
}
