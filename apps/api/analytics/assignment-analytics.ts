import type { AnalyticsAnswerRow, AnalyticsRepository } from '../../../libs/db/index.js';
import {
  type AssignmentAnalytics,
  type StoredResult,
  summarizeAnalytics,
} from '../../../libs/grading/analytics-summary.js';

// Assignment analytics from stored results, read and computed in this one place: what
// GET /v1/assignments/:id/analytics returns and what the assignment review page shows.

/** The stored rows as the engine takes them: one result per submission version with its answers. */
export function storedResults(rows: AnalyticsAnswerRow[]): StoredResult[] {
  const results = new Map<string, StoredResult>();
  for (const row of rows) {
    const key = `${row.submissionId}@${row.resultVersion}`;
    const result = results.get(key) ?? {
      submissionId: row.submissionId,
      resultVersion: row.resultVersion,
      answers: [],
    };
    if (row.answer) result.answers.push(row.answer);
    results.set(key, result);
  }
  return [...results.values()];
}

export async function assignmentAnalytics(
  repository: AnalyticsRepository,
  assignment: { id: string; problems: { key: string; points: number }[] },
): Promise<AssignmentAnalytics> {
  return summarizeAnalytics(assignment.problems, storedResults(await repository.latestAnswers(assignment.id)));
}
