import type pg from 'pg';

export interface StudentResultRow {
  studentId: string;
  submissionId: string;
  status: string;
  total: number | null;
  maxTotal: number | null;
  scores: Record<string, number | null>;
  /** Why the submission is not plainly graded (needs_review: each problem, its cause and fix). */
  statusReason: string | null;
  /** The problems a person must look at; the other problems' scores stand. */
  needsReview: string[];
}

const LATEST_SQL = `
SELECT DISTINCT ON (s.student_id) s.id, s.student_id, s.status::text AS status, s.status_reason, s.score, s.max_score, s.result_version
FROM submissions s
WHERE s.assignment_id = $1 AND ($2::text IS NULL OR s.student_id > $2)
ORDER BY s.student_id, s.created_at DESC, s.id DESC
LIMIT $3`;

// A teacher override wins over the stored score (it may be newer than the result: recorded while
// a grade job was running).
const SCORES_SQL = `
SELECT sr.submission_id, ar.problem_key, COALESCE(o.score, ar.score) AS score, (o.score IS NOT NULL) AS overridden,
  (o.score IS NULL AND ar.final_answer ? 'review') AS in_review
FROM submission_results sr JOIN answer_results ar ON ar.result_id = sr.id
JOIN unnest($1::text[], $2::int[]) AS wanted(submission_id, version)
  ON wanted.submission_id = sr.submission_id AND wanted.version = sr.version
LEFT JOIN overrides o ON o.submission_id = sr.submission_id AND o.problem_key = ar.problem_key`;

const sumScores = (scores: Record<string, number>) =>
  Math.round(Object.values(scores).reduce((sum, score) => sum + score, 0) * 100) / 100;

/** One row per student: the latest submission's status and per-problem scores. */
export class ResultsTableRepository {
  constructor(private readonly pool: pg.Pool) {}

  async page(assignmentId: string, afterStudentId: string | null, limit: number): Promise<StudentResultRow[]> {
    const latest = await this.pool.query<{
      id: string;
      student_id: string;
      status: string;
      status_reason: string | null;
      score: number | null;
      max_score: number | null;
      result_version: number;
    }>(LATEST_SQL, [assignmentId, afterStudentId, limit]);
    if (latest.rows.length === 0) return [];
    const scores = await this.pool.query<{
      submission_id: string;
      problem_key: string;
      score: number;
      overridden: boolean;
      in_review: boolean;
    }>(SCORES_SQL, [latest.rows.map((row) => row.id), latest.rows.map((row) => row.result_version)]);
    const scoresBySubmission = new Map<string, Record<string, number>>();
    const overridden = new Set<string>();
    const inReview = new Map<string, string[]>();
    for (const row of scores.rows) {
      if (row.overridden) overridden.add(row.submission_id);
      if (row.in_review) inReview.set(row.submission_id, [...(inReview.get(row.submission_id) ?? []), row.problem_key]);
      const entry = scoresBySubmission.get(row.submission_id) ?? {};
      entry[row.problem_key] = row.score;
      scoresBySubmission.set(row.submission_id, entry);
    }
    return latest.rows.map((row) => ({
      studentId: row.student_id,
      submissionId: row.id,
      status: row.status,
      total: overridden.has(row.id) ? sumScores(scoresBySubmission.get(row.id)!) : row.score,
      maxTotal: row.max_score,
      scores: scoresBySubmission.get(row.id) ?? {},
      statusReason: row.status_reason,
      needsReview: (inReview.get(row.id) ?? []).sort(),
    }));
  }
}
