import type pg from 'pg';

export interface StudentResultRow {
  studentId: string;
  submissionId: string;
  status: string;
  total: number | null;
  maxTotal: number | null;
  scores: Record<string, number | null>;
}

const LATEST_SQL = `
SELECT DISTINCT ON (s.student_id) s.id, s.student_id, s.status::text AS status, s.score, s.max_score, s.result_version
FROM submissions s
WHERE s.assignment_id = $1 AND ($2::text IS NULL OR s.student_id > $2)
ORDER BY s.student_id, s.created_at DESC, s.id DESC
LIMIT $3`;

const SCORES_SQL = `
SELECT sr.submission_id, ar.problem_key, ar.score
FROM submission_results sr JOIN answer_results ar ON ar.result_id = sr.id
JOIN unnest($1::text[], $2::int[]) AS wanted(submission_id, version)
  ON wanted.submission_id = sr.submission_id AND wanted.version = sr.version`;

/** One row per student: the latest submission's status and per-problem scores. */
export class ResultsTableRepository {
  constructor(private readonly pool: pg.Pool) {}

  async page(assignmentId: string, afterStudentId: string | null, limit: number): Promise<StudentResultRow[]> {
    const latest = await this.pool.query<{ id: string; student_id: string; status: string; score: number | null; max_score: number | null; result_version: number }>(
      LATEST_SQL,
      [assignmentId, afterStudentId, limit],
    );
    if (latest.rows.length === 0) return [];
    const scores = await this.pool.query<{ submission_id: string; problem_key: string; score: number }>(SCORES_SQL, [
      latest.rows.map((row) => row.id),
      latest.rows.map((row) => row.result_version),
    ]);
    const scoresBySubmission = new Map<string, Record<string, number>>();
    for (const row of scores.rows) {
      const entry = scoresBySubmission.get(row.submission_id) ?? {};
      entry[row.problem_key] = row.score;
      scoresBySubmission.set(row.submission_id, entry);
    }
    return latest.rows.map((row) => ({
      studentId: row.student_id,
      submissionId: row.id,
      status: row.status,
      total: row.score,
      maxTotal: row.max_score,
      scores: scoresBySubmission.get(row.id) ?? {},
    }));
  }
}
