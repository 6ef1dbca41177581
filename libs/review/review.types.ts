// What the review pages show, already read from storage: plain data, no rows or Nest types.
import type { AssignmentAnalytics } from '../grading/analytics-summary.js';

export type StepVerdict = 'correct' | 'incorrect' | 'carried_error' | 'unverified';

export interface ReviewStep {
  index: number;
  text: string;
  verdict: StepVerdict;
  method: string;
  reason: string;
  matchesReferenceStep: number | null;
  /** Where in `text` the claim that decided the verdict was written (StepResult.span), when known. */
  span?: { start: number; end: number };
}

export interface ReviewFinalAnswer {
  given: string | null;
  expected: string | null;
  verdict: 'correct' | 'incorrect' | 'missing' | 'unverified';
  parts: { name: string; verdict: string }[];
}

export interface ReviewOverride {
  score: number;
  comment: string;
  by: string;
  at: string;
}

export interface ReferenceStep {
  text: string;
  required: boolean;
}

export interface ScoreBreakdownView {
  answerPoints: number;
  stepPoints: number;
  penalty: number;
}

export interface ReviewAnswer {
  problemKey: string;
  statement: string;
  points: number;
  referenceSteps: ReferenceStep[];
  referenceAnswer: string | null;
  /** Null while the submission has no result yet: `submittedSteps` are shown instead. */
  graded: {
    score: number;
    maxScore: number;
    finalAnswer: ReviewFinalAnswer;
    firstErrorStep: number | null;
    steps: ReviewStep[];
    skippedReferenceSteps: number[];
    feedback: string;
    breakdown: ScoreBreakdownView | null;
  } | null;
  submittedSteps: string[];
  /** The model's reasoning, when a model judged part of this answer. */
  trace: string | null;
  override: ReviewOverride | null;
}

export interface OverrideFormView {
  actionUrl: string;
  csrfToken: string;
}

export interface SubmissionReview {
  assignmentTitle: string;
  submissionId: string;
  studentId: string;
  status: string;
  statusReason: string | null;
  score: number | null;
  maxScore: number | null;
  gradedAt: string | null;
  answers: ReviewAnswer[];
  overrideForm: OverrideFormView | null;
  /** A one-line message after an action (e.g. "Override saved"). */
  notice: string | null;
}

export interface AssignmentReview {
  assignmentId: string;
  title: string;
  problemKeys: string[];
  statusCounts: Record<string, number>;
  /** The assignment's analytics, as GET /v1/assignments/:id/analytics returns them (libs/grading). */
  analytics: AssignmentAnalytics;
  /** Signed review URL for a submission id (the page links examples of common errors). */
  submissionLink: (submissionId: string) => string;
}
