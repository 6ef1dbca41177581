import { Injectable } from '@nestjs/common';
import {
  AssignmentRepository,
  ResultReadRepository,
  type SubmissionRow,
  SubmissionRepository,
} from '../../../libs/db/index.js';
import {
  type AssignmentReview,
  readFinalAnswer,
  readSteps,
  type SettledSubmission,
} from '../../../libs/review/index.js';

// Bounds for one page view: the page is for a class or a course section, not a data export; a
// larger assignment is summarised over its first MAX_SUBMISSIONS rows (the page says how many).
const PAGE_SIZE = 500;
const MAX_SUBMISSIONS = 5_000;
const RESULT_READS_IN_PARALLEL = 16;

function latestPerStudent(rows: SubmissionRow[]): SubmissionRow[] {
  const latest = new Map<string, SubmissionRow>();
  for (const row of rows) {
    const current = latest.get(row.studentId);
    if (
      !current ||
      row.createdAt > current.createdAt ||
      (row.createdAt.getTime() === current.createdAt.getTime() && row.id > current.id)
    )
      latest.set(row.studentId, row);
  }
  return [...latest.values()];
}

/** Reads an assignment's submissions and their current results into the assignment page's model. */
@Injectable()
export class AssignmentReviewLoader {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly submissions: SubmissionRepository,
    private readonly results: ResultReadRepository,
  ) {}

  async load(assignmentId: string, submissionLink: (submissionId: string) => string): Promise<AssignmentReview | null> {
    const assignment = await this.assignments.findById(assignmentId, null);
    if (!assignment) return null;
    const rows = await this.allSubmissions(assignment.id);
    const statusCounts: Record<string, number> = { queued: 0, grading: 0, graded: 0, needs_review: 0, failed: 0 };
    for (const row of rows) statusCounts[row.status] = (statusCounts[row.status] ?? 0) + 1;
    const settled = latestPerStudent(rows).filter((row) => row.status === 'graded' || row.status === 'needs_review');
    const latest: SettledSubmission[] = [];
    for (let start = 0; start < settled.length; start += RESULT_READS_IN_PARALLEL) {
      const chunk = settled.slice(start, start + RESULT_READS_IN_PARALLEL);
      latest.push(...(await Promise.all(chunk.map((row) => this.settledView(row)))));
    }
    return {
      assignmentId: assignment.id,
      title: assignment.title,
      problemKeys: assignment.problems.map((problem) => problem.key),
      statusCounts,
      latest,
      submissionLink,
    };
  }

  private async allSubmissions(assignmentId: string): Promise<SubmissionRow[]> {
    const rows: SubmissionRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.submissions.list({ orgId: null, assignmentId }, { cursor, limit: PAGE_SIZE });
      rows.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && rows.length < MAX_SUBMISSIONS);
    return rows;
  }

  private async settledView(row: SubmissionRow): Promise<SettledSubmission> {
    const result = await this.results.findVersion(row.id, row.resultVersion);
    const answered = new Set(
      row.answers
        .filter((answer) => answer.steps.some((step) => step.trim() !== ''))
        .map((answer) => answer.problemKey),
    );
    return {
      submissionId: row.id,
      studentId: row.studentId,
      status: row.status,
      score: row.score,
      maxScore: row.maxScore,
      answers: (result?.answers ?? []).map((answer) => {
        const steps = readSteps(answer.steps);
        const firstErrorStep =
          answer.firstErrorStep === null ? undefined : steps.find((step) => step.index === answer.firstErrorStep);
        return {
          problemKey: answer.problemKey,
          answered: answered.has(answer.problemKey),
          finalVerdict: readFinalAnswer(answer.finalAnswer).verdict,
          firstError: firstErrorStep
            ? { index: firstErrorStep.index, text: firstErrorStep.text, reason: firstErrorStep.reason }
            : null,
        };
      }),
    };
  }
}
