import { Injectable } from '@nestjs/common';
import {
  applyOverrides,
  GradingResultRepository,
  OverrideRepository,
  ReferenceWaitRepository,
  type SaveOutcome,
  WAITING_FOR_JUDGEMENT,
} from '../../../libs/db/index.js';
import { gradeSubmission } from '../../../libs/grading/grade-submission.js';
import type { InferenceSetting } from '../../../libs/queue/index.js';
import { referenceBlocker, toProblemForGrading } from './grading-input.js';
import { JudgementGate } from './judgement-gate.js';

export type GradeOutcome =
  | { kind: 'skipped' }
  | { kind: 'parked' }
  | { kind: 'review'; completedBatchId: string | null }
  | ({ kind: 'saved'; status: 'graded' | 'needs_review' } & SaveOutcome);

/** Loads one submission, grades it with libs/grading, and writes the result idempotently. */
@Injectable()
export class GradingService {
  constructor(
    private readonly results: GradingResultRepository,
    private readonly referenceWait: ReferenceWaitRepository,
    private readonly judgementGate: JudgementGate,
    private readonly overrides: OverrideRepository,
  ) {}

  async grade(submissionId: string, version: number): Promise<GradeOutcome> {
    const claimed = await this.results.claim(submissionId, version);
    if (!claimed) return { kind: 'skipped' };
    // Teacher overrides win over grading and survive regrades; an overridden answer needs no reference.
    const overrides = await this.overrides.listForSubmission(submissionId);
    const overriddenKeys = new Set(overrides.map((override) => override.problemKey));
    const answeredKeys = new Set(
      (claimed.answers as { problemKey: string }[])
        .map((answer) => answer.problemKey)
        .filter((key) => !overriddenKeys.has(key)),
    );
    const blocker = referenceBlocker(claimed.assignment.problems.filter((problem) => answeredKeys.has(problem.key)));
    if (blocker?.kind === 'wait') {
      // Parked, not polled: the reference job releases it with a new version when it is done.
      await this.referenceWait.park(submissionId, version);
      return { kind: 'parked' };
    }
    if (blocker?.kind === 'review') {
      return {
        kind: 'review',
        completedBatchId: await this.results.markNeedsReview(submissionId, version, blocker.reason),
      };
    }
    const graded = gradeSubmission(
      claimed.assignment.problems.map(toProblemForGrading),
      claimed.answers as { problemKey: string; steps: string[] }[],
    );
    const grading = claimed.assignment.grading as { reviewUnverified?: boolean; inference?: InferenceSetting };
    const gate = await this.judgementGate.apply(
      claimed.assignmentId,
      grading.inference ?? 'auto',
      claimed.assignment.problems,
      graded.answers,
    );
    if (gate.kind === 'wait') {
      await this.referenceWait.park(submissionId, version, WAITING_FOR_JUDGEMENT);
      return { kind: 'parked' };
    }
    const overridden = applyOverrides(gate.answers, overrides);
    const stillUnverified = overridden.unverifiedSteps;
    const reviewReason =
      gate.failedReason ??
      (grading.reviewUnverified === true && stillUnverified > 0
        ? `${stillUnverified} step(s) could not be verified`
        : null);
    const status = reviewReason ? 'needs_review' : 'graded';
    const saved = await this.results.save({
      submissionId,
      version,
      status,
      statusReason: reviewReason,
      score: overrides.length > 0 ? overridden.score : graded.score,
      maxScore: graded.maxScore,
      answers: overridden.answers,
    });
    return { kind: 'saved', status, ...saved };
  }

  markFailed(submissionId: string, version: number, reason: string): Promise<string | null> {
    return this.results.markFailed(submissionId, version, reason);
  }
}
