import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { InferenceError } from '../../../libs/inference/index.js';
import { generateReferencePayload, JOB_NAMES, judgeStepPayload } from '../../../libs/queue/index.js';
import type { JudgementService } from './judgement.service.js';
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
    private readonly judgements: JudgementService,
  ) {}

  async process(job: Job): Promise<unknown> {
    try {
      return { outcome: await this.run(job) };
    } catch (error) {
      // A permanent model error (bad model file, refused request) will not improve with retries.
      if (error instanceof InferenceError && error.permanent)
        throw new UnrecoverableError(`${error.name}: ${error.message}`);
      throw error;
    }
  }

  private async run(job: Job): Promise<string> {
    const provider = this.providers.get(this.pool);
    if (job.name === JOB_NAMES.generateReference) {
      const payload = generateReferencePayload.safeParse(job.data);
      if (!payload.success)
        throw new UnrecoverableError(`invalid reference job payload: ${payload.error.issues[0]?.message}`);
      return this.references.generate(provider, payload.data.problemId, payload.data.revision);
    }
    if (job.name === JOB_NAMES.judgeStep) {
      const payload = judgeStepPayload.safeParse(job.data);
      if (!payload.success)
        throw new UnrecoverableError(`invalid judgement job payload: ${payload.error.issues[0]?.message}`);
      return this.judgements.judge(provider, payload.data.judgementId);
    }
    throw new UnrecoverableError(`unknown model job ${job.name}`);
  }

  async onFinalFailure(job: Job, error: Error): Promise<void> {
    if (job.name === JOB_NAMES.judgeStep) {
      const judgement = judgeStepPayload.safeParse(job.data);
      if (judgement.success)
        await this.judgements.giveUp(judgement.data.judgementId, `the ${this.pool} model failed: ${error.message}`);
      return;
    }
    const payload = generateReferencePayload.safeParse(job.data);
    if (!payload.success) return;
    this.logger.error(
      `reference job for problem ${payload.data.problemId} failed for good on ${this.pool}: ${error.message}`,
    );
    await this.references.giveUp(
      payload.data.problemId,
      payload.data.revision,
      `the ${this.pool} model failed: ${error.message}`,
    );
  }
}
