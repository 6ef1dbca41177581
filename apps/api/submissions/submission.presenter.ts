import type { BatchProgress, StoredResult, SubmissionRow } from '../../../libs/db/index.js';

/** The public shape of a submission with its current result (API.md, GET /v1/submissions/:id). */
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

/** A list row: the submission without its per-step detail. */
export function presentSubmissionSummary(submission: SubmissionRow) {
  const { answers: _work, ...summary } = submission;
  return {
    id: summary.id,
    assignmentId: summary.assignmentId,
    batchId: summary.batchId,
    studentId: summary.studentId,
    externalId: summary.externalId,
    status: summary.status,
    statusReason: summary.statusReason,
    score: summary.score,
    maxScore: summary.maxScore,
    gradedAt: summary.gradedAt,
    createdAt: summary.createdAt,
    resultVersion: summary.resultVersion,
  };
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
