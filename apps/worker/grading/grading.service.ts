import { Injectable } from '@nestjs/common';
import { GradingResultRepository, type SaveOutcome } from '../../../libs/db/index.js';
import { gradeSubmission, type ProblemForGrading } from '../../../libs/grading/grade-submission.js';
import type { GradingPolicy } from '../../../libs/grading/index.js';

export type GradeOutcome = { kind: 'skipped' } | ({ kind: 'saved' } & SaveOutcome);

/** Loads one submission, grades it with libs/grading, and writes the result idempotently. */
@Injectable()
export class GradingService {
  constructor(private readonly results: GradingResultRepository) {}

  async grade(submissionId: string, version: number): Promise<GradeOutcome> {
    const claimed = await this.results.claim(submissionId, version);
    if (!claimed) return { kind: 'skipped' };
    const problems: ProblemForGrading[] = claimed.assignment.problems.map((problem) => ({
      key: problem.key,
      statement: problem.statement,
      answer: problem.answer,
      definitions: problem.definitions as Record<string, string>,
      points: problem.points,
      policy: problem.policy as GradingPolicy,
    }));
    const graded = gradeSubmission(problems, claimed.answers as { problemKey: string; steps: string[] }[]);
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
