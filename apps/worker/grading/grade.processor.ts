import { Injectable, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { gradeSubmissionPayload } from '../../../libs/queue/index.js';
import type { JobHandler } from '../pools/job-handler.js';
import { GradingService } from './grading.service.js';

/** Thin: validate the payload, grade, and record a permanent failure once retries are spent. */
@Injectable()
export class GradeProcessor implements JobHandler {
  private readonly logger = new Logger('GradeProcessor');

  constructor(private readonly grading: GradingService) {}

  async process(job: Job): Promise<unknown> {
    const payload = gradeSubmissionPayload.safeParse(job.data);
    if (!payload.success)
      throw new UnrecoverableError(`invalid grade job payload: ${payload.error.issues[0]?.message}`);
    const outcome = await this.grading.grade(payload.data.submissionId, payload.data.version);
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
