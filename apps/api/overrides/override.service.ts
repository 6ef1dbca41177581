import { Injectable } from '@nestjs/common';
import { AssignmentRepository, OverrideRepository, SubmissionRepository } from '../../../libs/db/index.js';
import { ResultsService } from '../../../libs/results/index.js';
import { invalid, notFound } from '../common/api-error.js';
import type { ReviewOverrideHandler, ReviewOverrideInput } from '../review/review-override.handler.js';
import type { StoredOverride } from '../review/review-override.handler.js';

/**
 * Teacher overrides of one answer's score, from the API and from review pages alike. The override
 * is stored apart from results (so it survives regrades) and applied in a new result version.
 */
@Injectable()
export class OverrideService implements ReviewOverrideHandler {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly assignments: AssignmentRepository,
    private readonly overrides: OverrideRepository,
    private readonly results: ResultsService,
  ) {}

  /** orgId null: any organization (admins and review links, which are already scoped by their token). */
  async apply(input: ReviewOverrideInput, orgId: string | null = null) {
    const submission = await this.submissions.findById(input.submissionId, orgId);
    if (!submission) throw notFound('submission');
    const assignment = await this.assignments.findById(submission.assignmentId, null);
    const problem = assignment?.problems.find((candidate) => candidate.key === input.problemKey);
    if (!problem) throw notFound('problem');
    if (input.score > problem.points) throw invalid(`score must be between 0 and ${problem.points}`);
    return this.results.recordOverride(input);
  }

  async listForSubmission(submissionId: string): Promise<StoredOverride[]> {
    return this.overrides.listForSubmission(submissionId);
  }
}
