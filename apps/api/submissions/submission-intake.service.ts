import { Injectable, Logger } from '@nestjs/common';
import {
  type AssignmentRow,
  type InsertOutcome,
  type NewSubmission,
  SubmissionRepository,
} from '../../../libs/db/index.js';
import { GradeQueueProducer } from '../../../libs/queue/index.js';
import { ApiError, conflict } from '../common/api-error.js';
import type { IntakeTarget } from './intake-target.cache.js';
import { normalizeSubmission } from './submission.dto.js';

export interface IntakeOutcome {
  created: boolean;
  id: string;
  status: string;
}

export interface BatchOutcome {
  batchId: string;
  accepted: number;
  duplicates: number;
  rejected: { index: number; error: { code: string; message: string } }[];
}

/**
 * Accepts submissions: Postgres first (the system of record and outbox), then the grade jobs.
 * When Redis is down the submissions are still accepted; the reconciler enqueues them later.
 */
@Injectable()
export class SubmissionIntakeService {
  private readonly logger = new Logger('SubmissionIntake');

  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly producer: GradeQueueProducer,
  ) {}

  async acceptOne(assignment: IntakeTarget, raw: unknown): Promise<IntakeOutcome> {
    const outcome = await this.submissions.insertOne(
      { orgId: assignment.orgId, assignmentId: assignment.id },
      this.validate(assignment, raw),
    );
    return this.settle(outcome);
  }

  /** The submission as stored, or a 422 naming what is wrong (for callers that insert it themselves). */
  validate(assignment: IntakeTarget, raw: unknown): NewSubmission {
    const normalized = normalizeSubmission(raw, assignment.problemKeys);
    if (!normalized.ok) throw new ApiError(422, normalized.code, normalized.message);
    return normalized.submission;
  }

  /** After the insert: a conflict is a 409, a new row gets its grade job. */
  async settle(outcome: InsertOutcome): Promise<IntakeOutcome> {
    if (outcome.kind === 'conflict')
      throw conflict('a submission with this externalId and different content exists', { id: outcome.id });
    if (outcome.kind === 'duplicate') return { created: false, id: outcome.id, status: outcome.status };
    await this.enqueue([outcome.id]);
    return { created: true, id: outcome.id, status: 'queued' };
  }

  async acceptBatch(assignment: AssignmentRow, items: unknown[]): Promise<BatchOutcome> {
    const problemKeys = new Set(assignment.problems.map((problem) => problem.key));
    const rejected: BatchOutcome['rejected'] = [];
    const valid: { index: number; submission: NewSubmission }[] = [];
    const seenExternalIds = new Set<string>();
    let duplicates = 0;
    items.forEach((item, index) => {
      const normalized = normalizeSubmission(item, problemKeys);
      if (!normalized.ok)
        return rejected.push({ index, error: { code: normalized.code, message: normalized.message } });
      const externalId = normalized.submission.externalId;
      // An externalId repeated inside one batch counts once; later ones are duplicates.
      if (externalId !== null && seenExternalIds.has(externalId)) return duplicates++;
      if (externalId !== null) seenExternalIds.add(externalId);
      valid.push({ index, submission: normalized.submission });
    });
    if (valid.length === 0 && duplicates === 0) {
      const counts = { batchId: null, accepted: 0, duplicates: 0, rejected };
      throw new ApiError(422, 'invalid_content', 'every submission in the batch is invalid', counts, {}, counts);
    }
    const { batchId, outcomes } = await this.submissions.insertBatch(
      { orgId: assignment.orgId, assignmentId: assignment.id },
      valid.map((entry) => entry.submission),
    );
    const acceptedIds: string[] = [];
    outcomes.forEach((outcome, position) => {
      if (outcome.kind === 'accepted') acceptedIds.push(outcome.id);
      else if (outcome.kind === 'duplicate') duplicates++;
      else
        rejected.push({
          index: valid[position]!.index,
          error: { code: 'conflict', message: 'a submission with this externalId and different content exists' },
        });
    });
    rejected.sort((left, right) => left.index - right.index);
    await this.enqueue(acceptedIds);
    return { batchId, accepted: acceptedIds.length, duplicates, rejected };
  }

  private async enqueue(submissionIds: string[]): Promise<void> {
    try {
      await this.producer.enqueue(submissionIds.map((submissionId) => ({ submissionId, version: 1 })));
    } catch (error) {
      // Not lost: the rows are committed as queued and the reconciler re-enqueues them.
      this.logger.warn(
        `enqueue of ${submissionIds.length} grade job(s) deferred to the reconciler: ${(error as Error).message}`,
      );
    }
  }
}
