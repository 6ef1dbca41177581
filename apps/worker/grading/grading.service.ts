import { Injectable } from '@nestjs/common';
import { GradingResultRepository, ReferenceWaitRepository, type SaveOutcome } from '../../../libs/db/index.js';
import { gradeSubmission } from '../../../libs/grading/grade-submission.js';
import { referenceBlocker, toProblemForGrading } from './grading-input.js';

export type GradeOutcome =
  | { kind: 'skipped' }
  | { kind: 'parked' }
  | { kind: 'review'; completedBatchId: string | null }
  | ({ kind: 'saved' } & SaveOutcome);

/** Loads one submission, grades it with libs/grading, and writes the result idempotently. */
@Injectable()
export class GradingService {
  constructor(
    private readonly results: GradingResultRepository,
    private readonly referenceWait: ReferenceWaitRepository,
  ) {}

  async grade(submissionId: string, version: number): Promise<GradeOutcome> {
    const claimed = await this.results.claim(submissionId, version);
    if (!claimed) return { kind: 'skipped' };
    const answeredKeys = new Set((claimed.answers as { problemKey: string }[]).map((answer) => answer.problemKey));
    const blocker = referenceBlocker(claimed.assignment.problems.filter((problem) => answeredKeys.has(problem.key)));
    if (blocker?.kind === 'wait') {
      // Parked, not polled: the reference job releases it with a new version when it is done.
      await this.referenceWait.park(submissionId, version);
      return { kind: 'parked' };
    }
    if (blocker?.kind === 'review') {
      return { kind: 'review', completedBatchId: await this.results.markNeedsReview(submissionId, version, blocker.reason) };
    }
    const graded = gradeSubmission(claimed.assignment.problems.map(toProblemForGrading), claimed.answers as { problemKey: string; steps: string[] }[]);
    const grading = claimed.assignment.grading as { reviewUnverified?: boolean };
    const needsReview = grading.reviewUnverified === true && graded.unverifiedSteps > 0;
    const saved = await this.results.save({
      submissionId,
      version,
      status: needsReview ? 'needs_review' : 'graded',
      statusReason: needsReview ? `${graded.unverifiedSteps} step(s) could not be verified` : null,
      score: graded.score,
      maxScore: graded.maxScore,
      answers: graded.answers,
    });
    return { kind: 'saved', ...saved };
  }

  markFailed(submissionId: string, version: number, reason: string): Promise<string | null> {
    return this.results.markFailed(submissionId, version, reason);
  }
}
