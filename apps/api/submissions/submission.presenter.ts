import type { SubmissionRow } from '../../../libs/db/index.js';
import { isStale } from '../../../libs/results/index.js';

// The submission and batch shapes live in libs/results: the worker's webhooks send the same ones.
export { isStale, presentBatch, presentSubmission } from '../../../libs/results/index.js';

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
