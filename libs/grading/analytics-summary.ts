import { firstErrorLabel, type FirstErrorStep } from './analytics-first-error.js';

// The numbers behind GET /v1/assignments/:id/analytics, from each student's latest result: score
// histogram, mean, per-problem correct rate and the most common first errors.

export interface AnalyticsAnswer {
  submissionId: string;
  problemKey: string;
  score: number;
  finalVerdict: string | null;
  firstError: FirstErrorStep | null;
}

export interface CommonFirstError {
  label: string;
  count: number;
  exampleSubmissionIds: string[];
}

export interface AssignmentAnalytics {
  submissions: number;
  meanScore: number | null;
  maxScore: number;
  histogram: { from: number; to: number; count: number }[];
  problems: { problemKey: string; answered: number; correctRate: number | null; commonErrors: CommonFirstError[] }[];
}

const BINS = 10;
const MAX_EXAMPLES = 5;
const MAX_COMMON_ERRORS = 10;
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

/** Ten equal bins over 0..maxScore; the top score falls in the last bin. */
export function scoreHistogram(totals: number[], maxScore: number): AssignmentAnalytics['histogram'] {
  const width = maxScore / BINS;
  const bins = Array.from({ length: BINS }, (_, bin) => ({
    from: round(bin * width),
    to: round((bin + 1) * width),
    count: 0,
  }));
  for (const total of totals) {
    const bin = width > 0 ? Math.min(BINS - 1, Math.max(0, Math.floor(total / width + 1e-9))) : 0;
    bins[bin]!.count += 1;
  }
  return bins;
}

/** Groups first errors by label, most common first (ties by label), with a few example submissions. */
export function commonFirstErrors(answers: AnalyticsAnswer[]): CommonFirstError[] {
  const groups = new Map<string, CommonFirstError>();
  for (const answer of answers) {
    if (!answer.firstError) continue;
    const label = firstErrorLabel(answer.firstError);
    const group = groups.get(label) ?? { label, count: 0, exampleSubmissionIds: [] };
    group.count += 1;
    if (group.exampleSubmissionIds.length < MAX_EXAMPLES) group.exampleSubmissionIds.push(answer.submissionId);
    groups.set(label, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, MAX_COMMON_ERRORS);
}

export function summarizeAnalytics(
  problems: { key: string; points: number }[],
  answers: AnalyticsAnswer[],
): AssignmentAnalytics {
  const maxScore = round(problems.reduce((sum, problem) => sum + problem.points, 0));
  const totals = new Map<string, number>();
  for (const answer of answers) totals.set(answer.submissionId, (totals.get(answer.submissionId) ?? 0) + answer.score);
  const scores = [...totals.values()].map((total) => round(total));
  return {
    submissions: scores.length,
    meanScore: scores.length === 0 ? null : round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    maxScore,
    histogram: scoreHistogram(scores, maxScore),
    problems: problems.map((problem) => {
      const forProblem = answers.filter((answer) => answer.problemKey === problem.key);
      const correct = forProblem.filter((answer) => answer.finalVerdict === 'correct').length;
      return {
        problemKey: problem.key,
        answered: forProblem.length,
        correctRate: forProblem.length === 0 ? null : round(correct / forProblem.length, 4),
        commonErrors: commonFirstErrors(forProblem),
      };
    }),
  };
}
