import { Injectable } from '@nestjs/common';
import {
  OverrideRepository,
  RegradeRepository,
  ResultReadRepository,
  SubmissionRepository,
  type WebhookEventRow,
} from '../../../libs/db/index.js';
import { presentBatch, presentSubmissionAtVersion } from '../../../libs/results/index.js';

/**
 * The body of an outbound event: `{type, timestamp, data}` (API.md). Rendered at delivery time from
 * the rows the event points at, so Redis and the outbox hold ids, not student work.
 */
@Injectable()
export class WebhookEventRenderer {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly results: ResultReadRepository,
    private readonly overrides: OverrideRepository,
    private readonly regrades: RegradeRepository,
  ) {}

  async render(event: WebhookEventRow): Promise<string> {
    const data = await this.dataOf(event);
    // The event's creation time, not the attempt's: every retry sends the same body.
    return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data });
  }

  private async dataOf(event: WebhookEventRow): Promise<unknown> {
    if (event.type === 'batch.completed') {
      const progress = await this.submissions.batchProgress(event.batchId!, event.orgId);
      if (!progress) throw new Error(`batch ${event.batchId} of webhook event ${event.id} not found`);
      return presentBatch(progress);
    }
    const submission = await this.submissions.findById(event.submissionId!, event.orgId);
    if (!submission) throw new Error(`submission ${event.submissionId} of webhook event ${event.id} not found`);
    const version = event.resultVersion ?? submission.resultVersion;
    const [result, overrides, gradingChangedAt] = await Promise.all([
      this.results.findVersion(submission.id, version),
      this.overrides.listForSubmission(submission.id),
      this.regrades.gradingChangedAt(submission.assignmentId),
    ]);
    return presentSubmissionAtVersion(submission, version, result, { overrides, gradingChangedAt });
  }
}
