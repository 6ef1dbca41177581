import type pg from 'pg';
import {
  definitionsColumn,
  gradingSettingsColumn,
  type GradingSettings,
  modelStepsColumn,
  parseColumn,
  policyColumn,
  referenceStepsColumn,
  submittedAnswersColumn,
  type SubmittedAnswers,
} from '../columns/json-columns.js';

/** A submission claimed for grading at one result version, with the work to grade. */
export interface ClaimedSubmissionRow {
  id: string;
  orgId: string;
  assignmentId: string;
  batchId: string | null;
  version: number;
  answers: SubmittedAnswers;
}

/** One problem with the trusted references of any of its revisions (newest first). */
export interface ProblemForGradingRow {
  id: string;
  key: string;
  statement: string;
  answer: string | null;
  definitions: Record<string, string>;
  points: number;
  policy: Record<string, unknown>;
  revision: number;
  referenceSteps: (string | { text: string; required?: boolean | undefined })[];
  referenceStatus: string;
  references: { revision: number; steps: string[]; finalAnswer: string | null }[];
}

export interface AssignmentForGradingRow {
  id: string;
  grading: GradingSettings;
  problems: ProblemForGradingRow[];
}

export interface OverrideRow {
  submissionId: string;
  problemKey: string;
  score: number;
  comment: string;
  by: string;
  at: Date;
}

/**
 * Reads what grading a chunk of submissions needs, a few statements per chunk whatever its size:
 * the claim, the assignments (problems and trusted references) and the overrides.
 */
export class GradingInputRepository {
  constructor(private readonly pool: pg.Pool) {}

  /** Moves each (submission, version) still queued or grading to grading; stale jobs are left out. */
  async claim(jobs: { submissionId: string; version: number }[]): Promise<ClaimedSubmissionRow[]> {
    if (jobs.length === 0) return [];
    const { rows } = await this.pool.query<{
      id: string;
      org_id: string;
      assignment_id: string;
      batch_id: string | null;
      result_version: number;
      answers: unknown;
    }>(
      `UPDATE submissions s SET status = 'grading', updated_at = now()
       FROM unnest($1::text[], $2::int[]) AS j(id, version)
       WHERE s.id = j.id AND s.result_version = j.version AND s.status IN ('queued', 'grading')
       RETURNING s.id, s.org_id, s.assignment_id, s.batch_id, s.result_version, s.answers`,
      [jobs.map((job) => job.submissionId), jobs.map((job) => job.version)],
    );
    return rows.map((row) => ({
      id: row.id,
      orgId: row.org_id,
      assignmentId: row.assignment_id,
      batchId: row.batch_id,
      version: row.result_version,
      answers: parseColumn(submittedAnswersColumn, row.answers, `submissions.answers of ${row.id}`),
    }));
  }

  async assignments(assignmentIds: string[]): Promise<Map<string, AssignmentForGradingRow>> {
    const ids = [...new Set(assignmentIds)];
    const byId = new Map<string, AssignmentForGradingRow>();
    if (ids.length === 0) return byId;
    const [assignments, problems] = await Promise.all([
      this.pool.query<{ id: string; grading: unknown }>('SELECT id, grading FROM assignments WHERE id = ANY($1)', [
        ids,
      ]),
      this.pool.query<ProblemSqlRow>(PROBLEMS_SQL, [ids]),
    ]);
    for (const row of assignments.rows) {
      const grading = parseColumn(gradingSettingsColumn, row.grading, `assignments.grading of ${row.id}`);
      byId.set(row.id, { id: row.id, grading, problems: [] });
    }
    for (const row of problems.rows) byId.get(row.assignment_id)?.problems.push(toProblem(row));
    return byId;
  }

  async overrides(submissionIds: string[]): Promise<OverrideRow[]> {
    if (submissionIds.length === 0) return [];
    const { rows } = await this.pool.query<{
      submission_id: string;
      problem_key: string;
      score: number;
      comment: string;
      by: string;
      at: Date;
    }>(
      `SELECT submission_id, problem_key, score, comment, "by", "at" FROM overrides
       WHERE submission_id = ANY($1) ORDER BY submission_id, problem_key`,
      [submissionIds],
    );
    return rows.map((row) => ({
      submissionId: row.submission_id,
      problemKey: row.problem_key,
      score: row.score,
      comment: row.comment,
      by: row.by,
      at: row.at,
    }));
  }
}

interface ProblemSqlRow {
  id: string;
  assignment_id: string;
  key: string;
  statement: string;
  answer: string | null;
  definitions: unknown;
  points: number;
  policy: unknown;
  revision: number;
  reference_steps: unknown;
  reference_status: string;
  references: { revision: number; steps: unknown; final_answer: string | null }[];
}

// Problems in position order, each with its trusted references newest first (one round trip).
const PROBLEMS_SQL = `
SELECT p.id, p.assignment_id, p.key, p.statement, p.answer, p.definitions, p.points, p.policy, p.revision,
       p.reference_steps, p.reference_status,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('revision', r.revision, 'steps', r.steps,
                                                     'final_answer', r.final_answer) ORDER BY r.updated_at DESC)
                 FROM "references" r WHERE r.problem_id = p.id AND r.status = 'ready'), '[]'::jsonb) AS references
FROM problems p WHERE p.assignment_id = ANY($1)
ORDER BY p.assignment_id, p.position`;

function toProblem(row: ProblemSqlRow): ProblemForGradingRow {
  const where = (column: string) => `problems.${column} of ${row.id}`;
  return {
    id: row.id,
    key: row.key,
    statement: row.statement,
    answer: row.answer,
    definitions: parseColumn(definitionsColumn, row.definitions, where('definitions')),
    points: row.points,
    policy: parseColumn(policyColumn, row.policy, where('policy')),
    revision: row.revision,
    referenceSteps: parseColumn(referenceStepsColumn, row.reference_steps, where('reference_steps')),
    referenceStatus: row.reference_status,
    references: row.references.map((reference) => ({
      revision: reference.revision,
      steps: parseColumn(modelStepsColumn, reference.steps, `references.steps of problem ${row.id}`),
      finalAnswer: reference.final_answer,
    })),
  };
}
