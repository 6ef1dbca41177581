import type pg from 'pg';
import { newId } from '../ids.js';

/** What the API accepted for one submission, already validated and normalized. */
export interface NewSubmission {
  studentId: string;
  externalId: string | null;
  answers: { problemKey: string; steps: string[] }[];
  contentHash: string;
}

export type InsertOutcome =
  | { kind: 'accepted'; id: string }
  | { kind: 'duplicate'; id: string; status: string }
  | { kind: 'conflict'; id: string };

const INSERT_SQL = `
INSERT INTO submissions (id, org_id, assignment_id, batch_id, student_id, external_id, content_hash, answers, status, result_version, created_at, updated_at)
SELECT r.id, r.org_id, r.assignment_id, r.batch_id, r.student_id, r.external_id, r.content_hash, r.answers, 'queued', 1, now(), now()
FROM jsonb_to_recordset($1::jsonb) AS r(id text, org_id text, assignment_id text, batch_id text, student_id text, external_id text, content_hash text, answers jsonb)
ON CONFLICT (org_id, external_id) DO NOTHING
RETURNING id`;

const EXISTING_SQL = `
SELECT id, external_id, content_hash, status::text AS status FROM submissions
WHERE org_id = $1 AND external_id = ANY($2::text[])`;

/**
 * Inserts many submissions in one statement (the batch path's whole cost is a few round trips),
 * then sorts those the unique (org, externalId) index turned away into replays (same content)
 * and conflicts (different content).
 */
export async function insertSubmissions(
  client: pg.PoolClient | pg.Pool,
  target: { orgId: string; assignmentId: string; batchId: string | null },
  submissions: NewSubmission[],
): Promise<InsertOutcome[]> {
  const rows = submissions.map((submission) => ({
    id: newId(),
    org_id: target.orgId,
    assignment_id: target.assignmentId,
    batch_id: target.batchId,
    student_id: submission.studentId,
    external_id: submission.externalId,
    content_hash: submission.contentHash,
    answers: submission.answers,
  }));
  const inserted = await client.query<{ id: string }>(INSERT_SQL, [JSON.stringify(rows)]);
  const insertedIds = new Set(inserted.rows.map((row) => row.id));
  const turnedAway = rows.filter((row) => !insertedIds.has(row.id));
  const existingByExternalId = new Map<string, { id: string; content_hash: string; status: string }>();
  if (turnedAway.length > 0) {
    const existing = await client.query<{ id: string; external_id: string; content_hash: string; status: string }>(
      EXISTING_SQL,
      [target.orgId, turnedAway.map((row) => row.external_id)],
    );
    for (const row of existing.rows) existingByExternalId.set(row.external_id, row);
  }
  return rows.map((row): InsertOutcome => {
    if (insertedIds.has(row.id)) return { kind: 'accepted', id: row.id };
    const existing = existingByExternalId.get(row.external_id!);
    if (!existing) throw new Error(`submission ${row.external_id} was neither inserted nor found`);
    return existing.content_hash === row.content_hash
      ? { kind: 'duplicate', id: existing.id, status: existing.status }
      : { kind: 'conflict', id: existing.id };
  });
}
