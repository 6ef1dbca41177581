import type { BatchProgress, StoredResult, SubmissionRow } from '../db/index.js';

/**
 * The public shape of a submission with one result (API.md, GET /v1/submissions/:id). Pure, so
 * the API's reads and the worker's outbound webhooks show the same thing.
 */
export function presentSubmission(submission: SubmissionRow, result: StoredResult | null) {
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
    answers: (result?.answers ?? []).map((answer) => ({
      problemKey: answer.problemKey,
      score: answer.score,
      maxScore: answer.maxScore,
      finalAnswer: answer.finalAnswer,
      firstErrorStep: answer.firstErrorStep,
      steps: answer.steps,
      skippedReferenceSteps: answer.skippedReferenceSteps,
      feedback: answer.feedback,
      override: null,
    })),
  };
}

/**
 * The submission as one result version left it: a webhook for version 1 still shows version 1
 * after a regrade has moved the submission on.
 */
export function presentSubmissionAtVersion(submission: SubmissionRow, version: number, result: StoredResult | null) {
  // The current version shows exactly what GET /v1/submissions/:id shows.
  if (version === submission.resultVersion) return presentSubmission(submission, result);
  if (!result) return { ...presentSubmission(submission, null), resultVersion: version };
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
  );
}

export function presentBatch(batch: BatchProgress) {
  const { counts } = batch;
  return {
    id: batch.id,
    assignmentId: batch.assignmentId,
    status: counts.queued + counts.grading === 0 ? 'completed' : 'running',
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
