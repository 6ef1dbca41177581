import type pg from 'pg';
import type { Db } from '../database.js';
import { newId } from '../ids.js';
import type { AnswerRow, TxClient } from './result-rows.repository.js';

export interface OverrideInput {
  submissionId: string;
  problemKey: string;
  score: number;
  comment: string;
  by: string;
}

/** A teacher's override of one answer's score. */
export interface OverrideValue {
  problemKey: string;
  score: number;
  comment: string;
  by: string;
  at: Date;
}

export interface LockedSubmissionRow {
  id: string;
  orgId: string;
  assignmentId: string;
  status: string;
  statusReason: string | null;
  resultVersion: number;
  answers: { problemKey: string; steps: string[] }[];
}

/**
 * Rows for teacher overrides: the overrides themselves (stored apart from results, so they
 * survive regrades) and what the results service reads to write an overridden version. What an
 * override changes is the results service's (libs/results).
 */
export class OverrideRepository {
  constructor(
    private readonly prisma: Db,
    private readonly pool: pg.Pool,
  ) {}

  async listForSubmission(submissionId: string): Promise<OverrideValue[]> {
    return this.prisma.override.findMany({
      where: { submissionId },
      orderBy: { problemKey: 'asc' },
      select: { problemKey: true, score: true, comment: true, by: true, at: true },
    });
  }

  /** The submission, locked for the caller's transaction; null when there is none. */
  async lockSubmission(client: TxClient, submissionId: string): Promise<LockedSubmissionRow | null> {
    const { rows } = await client.query<{
      id: string;
      org_id: string;
      assignment_id: string;
      status: string;
      status_reason: string | null;
      result_version: number;
      answers: LockedSubmissionRow['answers'];
    }>(
      `SELECT id, org_id, assignment_id, status::text AS status, status_reason, result_version, answers
       FROM submissions WHERE id = $1 FOR UPDATE`,
      [submissionId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      orgId: row.org_id,
      assignmentId: row.assignment_id,
      status: row.status,
      statusReason: row.status_reason,
      resultVersion: row.result_version,
      answers: row.answers,
    };
  }

  async upsert(client: TxClient, input: OverrideInput): Promise<void> {
    await client.query(
      `INSERT INTO overrides (id, submission_id, problem_key, score, comment, "by", "at")
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (submission_id, problem_key)
       DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, "by" = EXCLUDED."by", "at" = EXCLUDED."at"`,
      [newId(), input.submissionId, input.problemKey, input.score, input.comment, input.by],
    );
  }

  async forSubmission(client: TxClient, submissionId: string): Promise<OverrideValue[]> {
    const { rows } = await client.query<OverrideValue>(
      `SELECT problem_key AS "problemKey", score, comment, "by", "at" FROM overrides
       WHERE submission_id = $1 ORDER BY problem_key`,
      [submissionId],
    );
    return rows;
  }

  /** One result version with its answers, or null. */
  async result(
    client: TxClient,
    submissionId: string,
    version: number,
  ): Promise<{ status: string; statusReason: string | null; answers: AnswerRow[] } | null> {
    const { rows } = await client.query<{
      status: string;
      status_reason: string | null;
      answers: (AnswerRow & { problemKey: string })[];
    }>(
      `SELECT sr.status::text AS status, sr.status_reason,
              COALESCE(jsonb_agg(jsonb_build_object(
                'problemKey', ar.problem_key, 'score', ar.score, 'maxScore', ar.max_score,
                'finalAnswer', ar.final_answer, 'firstErrorStep', ar.first_error_step, 'steps', ar.steps,
                'skippedReferenceSteps', ar.skipped_reference_steps, 'feedback', ar.feedback)
                ORDER BY ar.id) FILTER (WHERE ar.id IS NOT NULL), '[]'::jsonb) AS answers
       FROM submission_results sr LEFT JOIN answer_results ar ON ar.result_id = sr.id
       WHERE sr.submission_id = $1 AND sr.version = $2
       GROUP BY sr.id`,
      [submissionId, version],
    );
    const row = rows[0];
    return row ? { status: row.status, statusReason: row.status_reason, answers: row.answers } : null;
  }

  async problems(client: TxClient, assignmentId: string): Promise<{ key: string; points: number }[]> {
    const { rows } = await client.query<{ key: string; points: number }>(
      'SELECT key, points FROM problems WHERE assignment_id = $1 ORDER BY position',
      [assignmentId],
    );
    return rows;
  }
}
