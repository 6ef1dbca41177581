import type { BatchProgress, StoredResult, SubmissionRow } from '../db/index.js';

/** A teacher's override of one answer, as the public shape shows it. */
export interface AnswerOverride {
  problemKey: string;
  score: number;
  comment: string;
  by: string;
  at: Date;
}

/**
 * The public shape of a submission with one result (API.md, GET /v1/submissions/:id). Pure, so
 * the API's reads and the worker's outbound webhooks show the same thing.
 */
function shownOverride(override: AnswerOverride | undefined) {
  return override ? { score: override.score, comment: override.comment, by: override.by, at: override.at } : null;
}

/**
 * Each problem's own status (API.md, per-problem status): the grader stores why a problem needs a
 * person as `review` on its final answer; an override settles it.
 */
function answerStatus(finalAnswer: unknown, overridden: boolean) {
  const review = (finalAnswer as { review?: string } | null)?.review;
  return review && !overridden
    ? { status: 'needs_review' as const, statusReason: review }
    : { status: 'graded' as const, statusReason: null };
}

function shownFinalAnswer(finalAnswer: unknown): unknown {
  if (!finalAnswer || typeof finalAnswer !== 'object' || !('review' in finalAnswer)) return finalAnswer;
  const { review: _review, ...shown } = finalAnswer as Record<string, unknown>;
  return shown;
}

/** What the view adds to the stored rows: overrides (they outlive versions) and staleness. */
export interface SubmissionViewExtras {
  overrides?: AnswerOverride[];
  gradingChangedAt?: Date | null;
}

/** Graded before the assignment's key or policy last changed: a regrade would give a fresh result. */
export function isStale(
  submission: Pick<SubmissionRow, 'gradedAt' | 'status'>,
  gradingChangedAt: Date | null | undefined,
): boolean {
  if (!gradingChangedAt || !submission.gradedAt) return false;
  return (
    (submission.status === 'graded' || submission.status === 'needs_review') && submission.gradedAt < gradingChangedAt
  );
}

export function presentSubmission(
  submission: SubmissionRow,
  result: StoredResult | null,
  extras: SubmissionViewExtras = {},
) {
  const overrideOf = new Map((extras.overrides ?? []).map((override) => [override.problemKey, override]));
  return {
    id: submission.id,
    assignmentId: submission.assignmentId,
    batchId: submission.batchId,
    studentId: submission.studentId,
    externalId: submission.externalId,
    status: submission.status,
    statusReason: submission.statusReason,
    score: submission.score,
    maxScore: submission.maxScore,
    gradedAt: submission.gradedAt,
    createdAt: submission.createdAt,
    resultVersion: submission.resultVersion,
    stale: isStale(submission, extras.gradingChangedAt),
    answers: (result?.answers ?? []).map((answer) => ({
      problemKey: answer.problemKey,
      ...answerStatus(answer.finalAnswer, overrideOf.has(answer.problemKey)),
      score: answer.score,
      maxScore: answer.maxScore,
      finalAnswer: shownFinalAnswer(answer.finalAnswer),
      firstErrorStep: answer.firstErrorStep,
      steps: answer.steps,
      skippedReferenceSteps: answer.skippedReferenceSteps,
      feedback: answer.feedback,
      override: shownOverride(overrideOf.get(answer.problemKey)),
    })),
  };
}

/**
 * The submission as one result version left it: a webhook for version 1 still shows version 1
 * after a regrade has moved the submission on.
 */
export function presentSubmissionAtVersion(
  submission: SubmissionRow,
  version: number,
  result: StoredResult | null,
  extras: SubmissionViewExtras = {},
) {
  // The current version shows exactly what GET /v1/submissions/:id shows.
  if (version === submission.resultVersion) return presentSubmission(submission, result, extras);
  if (!result) return { ...presentSubmission(submission, null, extras), resultVersion: version };
  return presentSubmission(
    {
      ...submission,
      status: result.status as SubmissionRow['status'],
      statusReason: result.statusReason,
      score: result.score,
      maxScore: result.maxScore,
      gradedAt: result.gradedAt,
      resultVersion: version,
    },
    result,
    extras,
  );
}

export function presentBatch(batch: BatchProgress) {
  const { counts } = batch;
  return {
    id: batch.id,
    assignmentId: batch.assignmentId,
    // Completed once nothing is queued or grading and the completion (with its batch.completed
    // event) is recorded; a regrade inside a completed batch shows it running again.
    status: counts.queued + counts.grading === 0 && batch.completedAt !== null ? 'completed' : 'running',
    total: batch.total,
    queued: counts.queued,
    grading: counts.grading,
    graded: counts.graded,
    needsReview: counts.needs_review,
    failed: counts.failed,
    createdAt: batch.createdAt,
    completedAt: batch.completedAt,
  };
}
