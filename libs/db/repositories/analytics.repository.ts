import type pg from 'pg';

/**
 * One answer of a student's latest settled submission, at the submission's current result
 * version, with any override applied; `answer` is null for a submission with no result there.
 */
export interface AnalyticsAnswerRow {
  submissionId: string;
  resultVersion: number | null;
  answer: {
    problemKey: string;
    score: number;
    /** Whether the submitted steps for the problem hold anything but whitespace. */
    answered: boolean;
    finalVerdict: string | null;
    firstErrorStep: number | null;
    /** The first incorrect step ({index, text, reason, ...}), null when there is none. */
    firstError: { index?: number; text?: string; reason?: string } | null;
  } | null;
}

// Latest submission per student (created last, ties by id) that is settled, joined to the result
// at its current version; the first error step is picked out in SQL so the per-step JSON of every
// answer is never shipped.
const ANSWERS_SQL = `
WITH latest AS (
  SELECT DISTINCT ON (student_id) id, result_version, status, answers
  FROM submissions WHERE assignment_id = $1
  ORDER BY student_id, created_at DESC, id DESC
)
SELECT l.id AS submission_id, sr.version AS result_version, ar.problem_key,
       COALESCE(o.score, ar.score) AS score,
       EXISTS (
         SELECT 1 FROM jsonb_array_elements(l.answers) AS submitted,
                       jsonb_array_elements_text(submitted -> 'steps') AS step
         WHERE submitted ->> 'problemKey' = ar.problem_key AND step ~ '[^[:space:]]'
       ) AS answered,
       ar.final_answer ->> 'verdict' AS final_verdict, ar.first_error_step,
       CASE WHEN ar.first_error_step IS NULL THEN NULL ELSE ar.steps -> ar.first_error_step END AS first_error
FROM latest l
LEFT JOIN (submission_results sr JOIN answer_results ar ON ar.result_id = sr.id)
  ON sr.submission_id = l.id AND sr.version = l.result_version
LEFT JOIN overrides o ON o.submission_id = l.id AND o.problem_key = ar.problem_key
WHERE l.status IN ('graded', 'needs_review')
ORDER BY l.id, ar.problem_key`;

/** Reads what assignment analytics summarise; the summary itself is pure (libs/grading). */
export class AnalyticsRepository {
  constructor(private readonly pool: pg.Pool) {}

  async latestAnswers(assignmentId: string): Promise<AnalyticsAnswerRow[]> {
    const result = await this.pool.query<{
      submission_id: string;
      result_version: number | null;
      problem_key: string | null;
      score: number;
      answered: boolean;
      final_verdict: string | null;
      first_error_step: number | null;
      first_error: NonNullable<AnalyticsAnswerRow['answer']>['firstError'];
    }>(ANSWERS_SQL, [assignmentId]);
    return result.rows.map((row) => ({
      submissionId: row.submission_id,
      resultVersion: row.result_version,
      answer:
        row.problem_key === null
          ? null
          : {
              problemKey: row.problem_key,
              score: row.score,
              answered: row.answered,
              finalVerdict: row.final_verdict,
              firstErrorStep: row.first_error_step,
              firstError: row.first_error,
            },
    }));
  }
}
