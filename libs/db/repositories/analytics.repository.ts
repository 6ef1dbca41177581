import type pg from 'pg';

/** One answer of a student's latest graded submission, with any override already applied. */
export interface AnalyticsAnswerRow {
  submissionId: string;
  problemKey: string;
  score: number;
  finalVerdict: string | null;
  firstErrorStep: number | null;
  /** The first incorrect step ({index, text, reason, ...}), null when there is none. */
  firstError: { index?: number; text?: string; reason?: string } | null;
}

// Latest submission per student that has a current result; the first error step is picked out in
// SQL so the per-step JSON of every answer is never shipped.
const ANSWERS_SQL = `
WITH latest AS (
  SELECT DISTINCT ON (student_id) id, result_version, status
  FROM submissions WHERE assignment_id = $1
  ORDER BY student_id, created_at DESC, id DESC
)
SELECT l.id AS submission_id, ar.problem_key, COALESCE(o.score, ar.score) AS score,
       ar.final_answer ->> 'verdict' AS final_verdict, ar.first_error_step,
       CASE WHEN ar.first_error_step IS NULL THEN NULL ELSE ar.steps -> ar.first_error_step END AS first_error
FROM latest l
JOIN submission_results sr ON sr.submission_id = l.id AND sr.version = l.result_version
JOIN answer_results ar ON ar.result_id = sr.id
LEFT JOIN overrides o ON o.submission_id = l.id AND o.problem_key = ar.problem_key
WHERE l.status IN ('graded', 'needs_review')
ORDER BY l.id, ar.problem_key`;

/** Reads what the analytics endpoint summarises; the summary itself is pure (libs/grading). */
export class AnalyticsRepository {
  constructor(private readonly pool: pg.Pool) {}

  async latestAnswers(assignmentId: string): Promise<AnalyticsAnswerRow[]> {
    const result = await this.pool.query<{
      submission_id: string;
      problem_key: string;
      score: number;
      final_verdict: string | null;
      first_error_step: number | null;
      first_error: AnalyticsAnswerRow['firstError'];
    }>(ANSWERS_SQL, [assignmentId]);
    return result.rows.map((row) => ({
      submissionId: row.submission_id,
      problemKey: row.problem_key,
      score: row.score,
      finalVerdict: row.final_verdict,
      firstErrorStep: row.first_error_step,
      firstError: row.first_error,
    }));
  }
}
