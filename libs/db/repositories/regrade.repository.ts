import type { Db } from '../database.js';
import type { StoredResult } from './result-read.repository.js';

export interface RegradeTicket {
  submissionId: string;
  version: number;
}

/** A result version as GET /v1/submissions/:id/versions lists it. */
export type ResultVersion = StoredResult;

const LATEST_PER_STUDENT = `
  SELECT DISTINCT ON (student_id) id FROM submissions WHERE assignment_id = $1
  ORDER BY student_id, created_at DESC, id DESC`;

/**
 * Regrades: a new result version for the same work, the old results kept. A submission being
 * graded right now is left alone (its job reads the current key); the caller says so.
 */
export class RegradeRepository {
  constructor(private readonly prisma: Db) {}

  /** Null when the submission is queued or being graded already. */
  async regradeSubmission(submissionId: string): Promise<RegradeTicket | null> {
    const rows = await this.prisma.$queryRaw<{ id: string; version: number }[]>`
      UPDATE submissions SET result_version = result_version + 1, status = 'queued', status_reason = NULL, updated_at = now()
      WHERE id = ${submissionId} AND status NOT IN ('queued', 'grading')
      RETURNING id, result_version AS version`;
    return rows[0] ? { submissionId: rows[0].id, version: rows[0].version } : null;
  }

  /** Every student's latest submission that is not already queued or being graded. */
  async regradeAssignment(assignmentId: string): Promise<RegradeTicket[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ id: string; version: number }[]>(
      `UPDATE submissions SET result_version = result_version + 1, status = 'queued', status_reason = NULL, updated_at = now()
       WHERE id IN (${LATEST_PER_STUDENT}) AND status NOT IN ('queued', 'grading')
       RETURNING id, result_version AS version`,
      assignmentId,
    );
    return rows.map((row) => ({ submissionId: row.id, version: row.version }));
  }

  /** Result versions, newest first, paged by version number. */
  async versions(submissionId: string, beforeVersion: number | null, limit: number): Promise<ResultVersion[]> {
    const rows = await this.prisma.submissionResult.findMany({
      where: { submissionId, ...(beforeVersion !== null ? { version: { lt: beforeVersion } } : {}) },
      include: { answers: { orderBy: { problemKey: 'asc' } } },
      orderBy: { version: 'desc' },
      take: limit,
    });
    return rows as unknown as ResultVersion[];
  }

  /** When a PATCH last changed what grading depends on (null: never). */
  async gradingChangedAt(assignmentId: string): Promise<Date | null> {
    const found = await this.prisma.assignment.findUnique({
      where: { id: assignmentId },
      select: { gradingChangedAt: true },
    });
    return found?.gradingChangedAt ?? null;
  }
}
