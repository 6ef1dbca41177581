import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { InferenceError } from '../../../libs/inference/index.js';
import { generateReferencePayload, JOB_NAMES } from '../../../libs/queue/index.js';
import type { JobHandler } from '../pools/job-handler.js';
import type { ModelProviders } from './model-providers.js';
import type { ReferenceService } from './reference.service.js';

/** Thin: one per model pool; validates the payload and hands the job to the reference service. */
export class ModelJobProcessor implements JobHandler {
  private readonly logger = new Logger('ModelJobs');

  constructor(
    private readonly pool: 'gpu' | 'edge',
    private readonly providers: ModelProviders,
    private readonly references: ReferenceService,
  ) {}

  async process(job: Job): Promise<unknown> {
    if (job.name !== JOB_NAMES.generateReference) throw new UnrecoverableError(`unknown model job ${job.name}`);
    const payload = generateReferencePayload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid reference job payload: ${payload.error.issues[0]?.message}`);
    try {
      return { outcome: await this.references.generate(this.providers.get(this.pool), payload.data.problemId, payload.data.revision) };
    } catch (error) {
      // A permanent model error (bad model file, refused request) will not improve with retries.
      if (error instanceof InferenceError && error.permanent) throw new UnrecoverableError(`${error.name}: ${error.message}`);
      throw error;
    }
  }

  async onFinalFailure(job: Job, error: Error): Promise<void> {
    const payload = generateReferencePayload.safeParse(job.data);
    if (!payload.success) return;
    this.logger.error(`reference job for problem ${payload.data.problemId} failed for good on ${this.pool}: ${error.message}`);
    await this.references.giveUp(payload.data.problemId, payload.data.revision, `the ${this.pool} model failed: ${error.message}`);
  }
}
