import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { type GradeSubmissionPayload, gradeSubmissionPayload } from '../../../libs/queue/index.js';
import type { JobHandler } from '../pools/job-handler.js';
import { ChunkCollector } from './chunk-collector.js';
import { type GradeOutcome, GradingService } from './grading.service.js';

/** How long the first job of a chunk waits for more before the chunk goes anyway. */
const LINGER_MS = 5;

/**
 * Thin: validate the payload, and hand the job to the chunk it joins (BullMQ gives one job per
 * slot; the worker takes a chunk's worth of slots, so jobs are graded and written a chunk at a
 * time). A permanent failure is recorded once retries are spent.
 */
@Injectable()
export class GradeProcessor implements JobHandler {
  private readonly logger = new Logger('GradeProcessor');
  private readonly chunks: ChunkCollector<GradeSubmissionPayload, GradeOutcome>;
  readonly jobsPerSlot: number;

  constructor(
    private readonly grading: GradingService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.jobsPerSlot = config.grading.chunkSize;
    this.chunks = new ChunkCollector(config.grading.chunkSize, LINGER_MS, (jobs) => this.grading.gradeChunk(jobs));
  }

  async process(job: Job): Promise<unknown> {
    const payload = gradeSubmissionPayload.safeParse(job.data);
    if (!payload.success)
      throw new UnrecoverableError(`invalid grade job payload: ${payload.error.issues[0]?.message}`);
    const outcome = await this.chunks.add(payload.data);
    return outcome.kind === 'saved'
      ? { outcome: outcome.kind, written: outcome.written, status: outcome.status }
      : { outcome: outcome.kind };
  }

  async onFinalFailure(job: Job, error: Error): Promise<void> {
    const payload = gradeSubmissionPayload.safeParse(job.data);
    if (!payload.success) return;
    this.logger.error(
      `grading ${payload.data.submissionId} v${payload.data.version} failed for good: ${error.message}`,
    );
    await this.grading.markFailed(payload.data.submissionId, payload.data.version, `grading failed: ${error.message}`);
  }
}
