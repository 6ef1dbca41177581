import type { SubmissionRow } from '../../../libs/db/index.js';

// The submission and batch shapes live in libs/results: the worker's webhooks send the same ones.
export { presentBatch, presentSubmission } from '../../../libs/results/index.js';

/** Graded before the assignment's key or policy last changed: a regrade would give a fresh result. */
export function isStale(submission: Pick<SubmissionRow, 'gradedAt' | 'status'>, gradingChangedAt: Date | null | undefined): boolean {
  if (!gradingChangedAt || !submission.gradedAt) return false;
  return (submission.status === 'graded' || submission.status === 'needs_review') && submission.gradedAt < gradingChangedAt;
}

/** A list row: the submission without its per-step detail. */
export function presentSubmissionSummary(submission: SubmissionRow, gradingChangedAt: Date | null = null) {
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
    stale: isStale(submission, gradingChangedAt),
  };
}
