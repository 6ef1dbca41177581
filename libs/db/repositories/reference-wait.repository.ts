import type { Db } from '../database.js';
import { WAITING_FOR_JUDGEMENT, WAITING_FOR_REFERENCE } from './submission.repository.js';

/**
 * Submissions parked while a problem's reference is being written. They are released (with a new
 * result version, hence a new grade job) when every problem of the assignment has a reference, or
 * sent to needs_review when a reference could not be trusted.
 */
export class ReferenceWaitRepository {
  constructor(private readonly prisma: Db) {}

  async park(
    submissionId: string,
    version: number,
    reason: typeof WAITING_FOR_REFERENCE | typeof WAITING_FOR_JUDGEMENT = WAITING_FOR_REFERENCE,
  ): Promise<void> {
    await this.prisma.submission.updateMany({
      where: { id: submissionId, resultVersion: version, status: { in: ['queued', 'grading'] } },
      data: { status: 'queued', statusReason: reason, updatedAt: new Date() },
    });
  }

  /** Releases submissions parked for model judgements once none of the assignment's is pending. */
  async releaseJudged(assignmentId: string): Promise<{ id: string; version: number }[]> {
    return this.prisma.$queryRaw<{ id: string; version: number }[]>`
      UPDATE submissions SET result_version = result_version + 1, status_reason = NULL, updated_at = now()
      WHERE assignment_id = ${assignmentId} AND status = 'queued' AND status_reason = ${WAITING_FOR_JUDGEMENT}
        AND NOT EXISTS (SELECT 1 FROM judgements j WHERE j.assignment_id = ${assignmentId} AND j.status = 'pending')
      RETURNING id, result_version AS version`;
  }

  /** Releases the parked submissions of an assignment whose problems all have references. */
  async release(assignmentId: string): Promise<{ id: string; version: number }[]> {
    return this.prisma.$queryRaw<{ id: string; version: number }[]>`
      UPDATE submissions SET result_version = result_version + 1, status_reason = NULL, updated_at = now()
      WHERE assignment_id = ${assignmentId} AND status = 'queued' AND status_reason = ${WAITING_FOR_REFERENCE}
        AND NOT EXISTS (SELECT 1 FROM problems p WHERE p.assignment_id = ${assignmentId} AND p.reference_status = 'pending')
      RETURNING id, result_version AS version`;
  }

  /**
   * Releases every parked submission of an assignment, pending references or judgements or not:
   * used when no model will come (`auto` with no live model pool) so they grade CAS-only now.
   */
  async releaseAll(assignmentId: string): Promise<{ id: string; version: number }[]> {
    return this.prisma.$queryRaw<{ id: string; version: number }[]>`
      UPDATE submissions SET result_version = result_version + 1, status_reason = NULL, updated_at = now()
      WHERE assignment_id = ${assignmentId} AND status = 'queued'
        AND status_reason IN (${WAITING_FOR_REFERENCE}, ${WAITING_FOR_JUDGEMENT})
      RETURNING id, result_version AS version`;
  }

  /** Sends an assignment's parked submissions to needs_review (reference not trusted). */
  async sendToReview(assignmentId: string, reason: string): Promise<{ id: string; batchId: string | null }[]> {
    return this.prisma.$queryRaw<{ id: string; batchId: string | null }[]>`
      UPDATE submissions SET status = 'needs_review', status_reason = ${reason}, updated_at = now()
      WHERE assignment_id = ${assignmentId} AND status IN ('queued', 'grading') AND status_reason = ${WAITING_FOR_REFERENCE}
      RETURNING id, batch_id AS "batchId"`;
  }

  /** Submissions in needs_review because of a reference, re-queued once a teacher fixed it. */
  async requeueReviewed(assignmentId: string, reasonPrefix: string): Promise<{ id: string; version: number }[]> {
    return this.prisma.$queryRaw<{ id: string; version: number }[]>`
      UPDATE submissions SET status = 'queued', result_version = result_version + 1, status_reason = NULL, updated_at = now()
      WHERE assignment_id = ${assignmentId} AND status = 'needs_review' AND status_reason LIKE ${reasonPrefix + '%'}
        AND NOT EXISTS (SELECT 1 FROM problems p WHERE p.assignment_id = ${assignmentId} AND p.reference_status <> 'ready')
      RETURNING id, result_version AS version`;
  }

  /**
   * Submissions in needs_review whose reason names this problem (per-problem review), re-queued
   * once its reference was approved or replaced, whatever the other problems' state: grading puts
   * any other problem that still needs a person back in review on its own.
   */
  async requeueReviewedProblem(assignmentId: string, problemKey: string): Promise<{ id: string; version: number }[]> {
    const pattern = `%problem ${problemKey.replace(/[\\%_]/g, (char) => `\\${char}`)}: %`;
    return this.prisma.$queryRaw<{ id: string; version: number }[]>`
      UPDATE submissions SET status = 'queued', result_version = result_version + 1, status_reason = NULL, updated_at = now()
      WHERE assignment_id = ${assignmentId} AND status = 'needs_review' AND status_reason LIKE ${pattern}
      RETURNING id, result_version AS version`;
  }

  /** Assignments with parked submissions (the reconciler re-checks them). */
  async assignmentsWithParked(): Promise<string[]> {
    const rows = await this.prisma.submission.findMany({
      where: { status: 'queued', statusReason: { in: [WAITING_FOR_REFERENCE, WAITING_FOR_JUDGEMENT] } },
      select: { assignmentId: true },
      distinct: ['assignmentId'],
      take: 500,
    });
    return rows.map((row) => row.assignmentId);
  }
}
