import { Injectable } from '@nestjs/common';
import {
  OverrideRepository,
  RegradeRepository,
  ResultReadRepository,
  type SubmissionRow,
} from '../../../libs/db/index.js';
import { presentSubmission } from '../submissions/submission.presenter.js';

/**
 * The full submission as the API shows it: its current result, each answer's teacher override
 * (from the overrides table: they outlive result versions) and whether it is stale.
 */
@Injectable()
export class SubmissionViewService {
  constructor(
    private readonly results: ResultReadRepository,
    private readonly overrides: OverrideRepository,
    private readonly regrades: RegradeRepository,
  ) {}

  async present(submission: SubmissionRow) {
    const [result, overrides, gradingChangedAt] = await Promise.all([
      this.results.findVersion(submission.id, submission.resultVersion),
      this.overrides.listForSubmission(submission.id),
      this.regrades.gradingChangedAt(submission.assignmentId),
    ]);
    return presentSubmission(submission, result, { overrides, gradingChangedAt });
  }
}
