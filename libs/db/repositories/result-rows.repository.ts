import type pg from 'pg';
import {
  finalAnswerColumn,
  parseColumn,
  skippedReferenceStepsColumn,
  stepResultsColumn,
} from '../columns/json-columns.js';
import { newId } from '../ids.js';
import { inTransaction } from '../transaction.js';

// Row functions for results, outbox rows and batch completion. Each is one multi-row statement
// and decides nothing: which rows to write, and what follows, is the results service's
// (libs/results). They run in the caller's transaction (a pg client from `transaction`).

/** The connection of a transaction from `ResultRowsRepository.transaction`. */
export type TxClient = pg.ClientBase;

export type SettledStatus = 'graded' | 'needs_review' | 'failed';

export interface ResultRow {
  submissionId: string;
  version: number;
  status: 'graded' | 'needs_review';
  statusReason: string | null;
  score: number;
  maxScore: number;
}

export interface AnswerRow {
  problemKey: string;
  score: number;
  maxScore: number;
  finalAnswer: unknown;
  firstErrorStep: number | null;
  steps: unknown;
  skippedReferenceSteps: unknown;
  feedback: string;
}

export interface SubmissionStateRow {
  submissionId: string;
  version: number;
  status: SettledStatus;
  statusReason: string | null;
  /** Absent: score, max score and graded-at are left as they are (settled without a result). */
  score?: number;
  maxScore?: number;
}

export interface OutboxRow {
  orgId: string;
  integrationId: string;
  type: string;
  dedupeKey: string;
  submissionId?: string;
  resultVersion?: number;
  batchId?: string;
}

export interface SettledRow {
  submissionId: string;
  orgId: string;
  batchId: string | null;
}

/** The answers' JSON columns, checked against their stored shapes before they are written. */
function checkedAnswer(answer: AnswerRow, where: string) {
  return {
    problem_key: answer.problemKey,
    score: answer.score,
    max_score: answer.maxScore,
    final_answer: parseColumn(finalAnswerColumn, answer.finalAnswer, `${where} final_answer`),
    first_error_step: answer.firstErrorStep,
    steps: parseColumn(stepResultsColumn, answer.steps, `${where} steps`),
    skipped_reference_steps: parseColumn(
      skippedReferenceStepsColumn,
      answer.skippedReferenceSteps,
      `${where} skipped_reference_steps`,
    ),
    feedback: answer.feedback,
  };
}

export class ResultRowsRepository {
  constructor(private readonly pool: pg.Pool) {}

  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  /** Inserts result rows; those whose (submission, version) exists already are skipped. Returns the new ones' ids by submission. */
  async insertResults(client: TxClient, rows: ResultRow[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const records = rows.map((row) => ({
      id: newId(),
      submission_id: row.submissionId,
      version: row.version,
      status: row.status,
      status_reason: row.statusReason,
      score: row.score,
      max_score: row.maxScore,
    }));
    const { rows: inserted } = await client.query<{ id: string; submission_id: string }>(
      `INSERT INTO submission_results (id, submission_id, version, status, status_reason, score, max_score, graded_at)
       SELECT r.id, r.submission_id, r.version, r.status::"SubmissionStatus", r.status_reason, r.score, r.max_score, now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, submission_id text, version int, status text,
                                                status_reason text, score float8, max_score float8)
       ORDER BY r.submission_id
       ON CONFLICT (submission_id, version) DO NOTHING
       RETURNING id, submission_id`,
      [JSON.stringify(records)],
    );
    return new Map(inserted.map((row) => [row.submission_id, row.id]));
  }

  async insertAnswers(client: TxClient, rows: { resultId: string; answer: AnswerRow }[]): Promise<void> {
    if (rows.length === 0) return;
    const records = rows.map(({ resultId, answer }) => ({
      id: newId(),
      result_id: resultId,
      ...checkedAnswer(answer, `answer_results ${answer.problemKey} of result ${resultId}:`),
    }));
    await client.query(
      `INSERT INTO answer_results (id, result_id, problem_key, score, max_score, final_answer, first_error_step,
                                   steps, skipped_reference_steps, feedback)
       SELECT r.id, r.result_id, r.problem_key, r.score, r.max_score, r.final_answer, r.first_error_step, r.steps,
              r.skipped_reference_steps, r.feedback
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, result_id text, problem_key text, score float8,
            max_score float8, final_answer jsonb, first_error_step int, steps jsonb, skipped_reference_steps jsonb,
            feedback text)`,
      [JSON.stringify(records)],
    );
  }

  /**
   * Sets the submissions' current state where the given version is still theirs (and, for
   * `onlyUnsettled`, where they are still queued or grading). Returns the rows it changed.
   */
  async updateSubmissions(
    client: TxClient,
    rows: SubmissionStateRow[],
    options: { onlyUnsettled: boolean },
  ): Promise<SettledRow[]> {
    if (rows.length === 0) return [];
    const records = rows.map((row) => ({
      id: row.submissionId,
      version: row.version,
      status: row.status,
      status_reason: row.statusReason,
      with_score: row.score !== undefined,
      score: row.score ?? null,
      max_score: row.maxScore ?? null,
    }));
    const { rows: updated } = await client.query<{ id: string; org_id: string; batch_id: string | null }>(
      `UPDATE submissions s SET status = r.status::"SubmissionStatus", status_reason = r.status_reason,
              score = CASE WHEN r.with_score THEN r.score ELSE s.score END,
              max_score = CASE WHEN r.with_score THEN r.max_score ELSE s.max_score END,
              graded_at = CASE WHEN r.with_score THEN now() ELSE s.graded_at END,
              updated_at = now()
       FROM (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, version int, status text, status_reason text,
                                                              with_score boolean, score float8, max_score float8)
             ORDER BY x.id) AS r
       WHERE s.id = r.id AND s.result_version = r.version
         AND (NOT $2::boolean OR s.status IN ('queued', 'grading'))
       RETURNING s.id, s.org_id, s.batch_id`,
      [JSON.stringify(records), options.onlyUnsettled],
    );
    return updated.map((row) => ({ submissionId: row.id, orgId: row.org_id, batchId: row.batch_id }));
  }

  /**
   * Moves a submission to a new result version and its state (an override's new version). Graded
   * at is set only when `firstGrade` (no result was graded before).
   */
  async advanceVersion(
    client: TxClient,
    row: SubmissionStateRow & { score: number; maxScore: number; firstGrade: boolean },
  ): Promise<void> {
    await client.query(
      `UPDATE submissions SET result_version = $2, status = $3::"SubmissionStatus", status_reason = $4, score = $5,
              max_score = $6, updated_at = now(), graded_at = CASE WHEN $7::boolean THEN now() ELSE graded_at END
       WHERE id = $1`,
      [row.submissionId, row.version, row.status, row.statusReason, row.score, row.maxScore, row.firstGrade],
    );
  }

  /** The enabled integrations of these organizations, with the events each subscribes to. */
  async integrations(client: TxClient, orgIds: string[]): Promise<{ id: string; orgId: string; events: string[] }[]> {
    if (orgIds.length === 0) return [];
    const { rows } = await client.query<{ id: string; org_id: string; events: string[] }>(
      'SELECT id, org_id, events FROM integrations WHERE org_id = ANY($1) AND enabled',
      [[...new Set(orgIds)]],
    );
    return rows.map((row) => ({ id: row.id, orgId: row.org_id, events: row.events }));
  }

  /** Inserts outbox rows; a row whose (integration, dedupe key) exists is skipped. Returns the new ids. */
  async insertOutbox(client: TxClient, rows: OutboxRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const records = rows.map((row) => {
      const id = newId();
      return {
        id,
        org_id: row.orgId,
        integration_id: row.integrationId,
        type: row.type,
        webhook_id: `msg_${id.replace(/-/g, '')}`,
        dedupe_key: row.dedupeKey,
        submission_id: row.submissionId ?? null,
        result_version: row.resultVersion ?? null,
        batch_id: row.batchId ?? null,
      };
    });
    const { rows: inserted } = await client.query<{ id: string }>(
      `INSERT INTO webhook_events (id, org_id, integration_id, type, webhook_id, dedupe_key, submission_id,
                                   result_version, batch_id, next_attempt_at)
       SELECT r.id, r.org_id, r.integration_id, r.type, r.webhook_id, r.dedupe_key, r.submission_id,
              r.result_version, r.batch_id, now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, org_id text, integration_id text, type text, webhook_id text,
            dedupe_key text, submission_id text, result_version int, batch_id text)
       ON CONFLICT (integration_id, dedupe_key) DO NOTHING
       RETURNING id`,
      [JSON.stringify(records)],
    );
    return inserted.map((row) => row.id);
  }

  /** Marks completed those of these batches with nothing queued or grading; returns the ones it marked. */
  async completeSettledBatches(client: TxClient, batchIds: string[]): Promise<{ id: string; orgId: string }[]> {
    if (batchIds.length === 0) return [];
    const { rows } = await client.query<{ id: string; org_id: string }>(
      `UPDATE batches b SET completed_at = now()
       WHERE b.id = ANY($1) AND b.completed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.batch_id = b.id AND s.status IN ('queued', 'grading'))
       RETURNING b.id, b.org_id`,
      [[...new Set(batchIds)].sort()],
    );
    return rows.map((row) => ({ id: row.id, orgId: row.org_id }));
  }

  /** Open batches with nothing left queued or grading (a completion lost to a crash). */
  async settledButOpenBatches(limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT b.id FROM batches b
       WHERE b.completed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.batch_id = b.id AND s.status IN ('queued', 'grading'))
       ORDER BY b.created_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }
}
