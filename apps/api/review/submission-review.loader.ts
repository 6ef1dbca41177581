import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  AssignmentRepository,
  type ProblemRow,
  ResultReadRepository,
  type StoredAnswerResult,
  SubmissionRepository,
} from '../../../libs/db/index.js';
import { type GradingPolicy, scoreBreakdown, type StepResult } from '../../../libs/grading/index.js';
import {
  readFinalAnswer,
  readReferenceSteps,
  readSteps,
  readTrace,
  type ReviewAnswer,
  type ReviewOverride,
  type ScoreBreakdownView,
  type SubmissionReview,
} from '../../../libs/review/index.js';
import { REVIEW_OVERRIDE_HANDLER, type ReviewOverrideHandler, type StoredOverride } from './review-override.handler.js';

export const formatTime = (value: Date | string | null) =>
  value ? new Date(value).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : null;

function toOverride(stored: StoredOverride | undefined): ReviewOverride | null {
  return stored
    ? { score: stored.score, comment: stored.comment, by: stored.by, at: formatTime(stored.at) ?? '' }
    : null;
}

/** The breakdown only when it reproduces the stored score: a page never shows two different numbers. */
function breakdownFor(
  problem: ProblemRow,
  stored: StoredAnswerResult,
  answer: ReviewAnswer['graded'] & object,
): ScoreBreakdownView | null {
  const reference = readReferenceSteps(problem.referenceSteps);
  const missingRequired = answer.skippedReferenceSteps.filter((index) => reference[index]?.required).length;
  const computed = scoreBreakdown(
    { finalAnswer: answer.finalAnswer, steps: answer.steps as StepResult[] },
    problem.policy as GradingPolicy,
    problem.points,
    missingRequired,
  );
  if (Math.abs(computed.score - stored.score) > 0.011) return null;
  return { answerPoints: computed.answerPoints, stepPoints: computed.stepPoints, penalty: computed.penalty };
}

/** Reads a submission, its assignment and its current result into the page's view model. */
@Injectable()
export class SubmissionReviewLoader {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly submissions: SubmissionRepository,
    private readonly results: ResultReadRepository,
    @Optional() @Inject(REVIEW_OVERRIDE_HANDLER) private readonly overrides?: ReviewOverrideHandler,
  ) {}

  async load(submissionId: string): Promise<Omit<SubmissionReview, 'overrideForm' | 'notice'> | null> {
    const submission = await this.submissions.findById(submissionId, null);
    if (!submission) return null;
    const assignment = await this.assignments.findById(submission.assignmentId, null);
    if (!assignment) return null;
    const result = await this.results.findVersion(submission.id, submission.resultVersion);
    const overrides = (await this.overrides?.listForSubmission?.(submission.id)) ?? [];
    const submitted = new Map(submission.answers.map((answer) => [answer.problemKey, answer.steps]));
    const storedByKey = new Map((result?.answers ?? []).map((answer) => [answer.problemKey, answer]));
    const answers = assignment.problems
      .filter((problem) => submitted.has(problem.key) || storedByKey.has(problem.key))
      .map((problem): ReviewAnswer => {
        const stored = storedByKey.get(problem.key);
        const graded = stored
          ? {
              score: stored.score,
              maxScore: stored.maxScore,
              finalAnswer: readFinalAnswer(stored.finalAnswer),
              firstErrorStep: stored.firstErrorStep,
              steps: readSteps(stored.steps),
              skippedReferenceSteps: Array.isArray(stored.skippedReferenceSteps)
                ? stored.skippedReferenceSteps.filter(Number.isInteger)
                : [],
              feedback: stored.feedback,
              breakdown: null as ScoreBreakdownView | null,
            }
          : null;
        if (graded && stored) graded.breakdown = breakdownFor(problem, stored, graded);
        return {
          problemKey: problem.key,
          statement: problem.statement,
          points: problem.points,
          referenceSteps: readReferenceSteps(problem.referenceSteps),
          referenceAnswer: problem.answer,
          graded,
          submittedSteps: submitted.get(problem.key) ?? [],
          trace: stored ? readTrace(stored) : null,
          override: toOverride(overrides.find((override) => override.problemKey === problem.key)),
        };
      });
    return {
      assignmentTitle: assignment.title,
      submissionId: submission.id,
      studentId: submission.studentId,
      status: submission.status,
      statusReason: submission.statusReason,
      score: submission.score,
      maxScore: submission.maxScore,
      gradedAt: formatTime(submission.gradedAt),
      answers,
    };
  }
}
