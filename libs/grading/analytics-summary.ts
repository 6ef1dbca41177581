import { firstErrorLabel, type FirstErrorStep } from './analytics-first-error.js';

// The one definition of an assignment's analytics: GET /v1/assignments/:id/analytics returns it
// and the assignment review page renders it, so the two can never disagree. Its input is each
// student's latest settled submission with the current result; which submission is a student's
// latest (created last, ties by id) is decided where the rows are read, in one query.

/** One answer of a stored result, any teacher override already applied to its score. */
export interface AnalyticsAnswer {
  problemKey: string;
  score: number;
  /** Whether the student wrote anything for the problem: a result holds every problem, answered or not. */
  answered: boolean;
  finalVerdict: string | null;
  firstError: FirstErrorStep | null;
}

/** A submission's stored result. */
export interface StoredResult {
  submissionId: string;
  /** The version the answers come from (a regrade or an override writes a higher one); null: no result. */
  resultVersion: number | null;
  answers: AnalyticsAnswer[];
}

export interface CommonFirstError {
  label: string;
  count: number;
  exampleSubmissionIds: string[];
}

export interface ProblemAnalytics {
  problemKey: string;
  /** Students who wrote something for the problem: a blank answer is not a wrong one. */
  answered: number;
  /** Share of the answered whose final answer is correct. */
  correctRate: number | null;
  /** Share of the answered with a correct final answer and no incorrect step. */
  flawlessRate: number | null;
  commonErrors: CommonFirstError[];
}

export interface AssignmentAnalytics {
  /** Submissions with a result: the ones the scores below are over. */
  submissions: number;
  meanScore: number | null;
  maxScore: number;
  histogram: { from: number; to: number; count: number }[];
  problems: ProblemAnalytics[];
}

export const ANALYTICS_LIMITS = {
  bins: 10,
  /** Per problem; past it, ties are cut in label order. */
  commonErrors: 10,
  /** Per common error, the lowest submission ids. */
  examples: 5,
} as const;

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
// Code-unit order, not localeCompare: the same order whatever locale the process runs in.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One result per submission, its highest version (a regraded submission counts once, by its
 * latest result), in submission id order; a submission with no result yet is left out.
 */
export function currentResults(results: StoredResult[]): StoredResult[] {
  const latest = new Map<string, StoredResult & { resultVersion: number }>();
  for (const result of results) {
    if (result.resultVersion === null) continue;
    const kept = latest.get(result.submissionId);
    if (!kept || result.resultVersion > kept.resultVersion)
      latest.set(result.submissionId, { ...result, resultVersion: result.resultVersion });
  }
  return [...latest.values()].sort((a, b) => byText(a.submissionId, b.submissionId));
}

/** Equal bins over 0..maxScore; the top score falls in the last bin. */
export function scoreHistogram(totals: number[], maxScore: number): AssignmentAnalytics['histogram'] {
  const width = maxScore / ANALYTICS_LIMITS.bins;
  const bins = Array.from({ length: ANALYTICS_LIMITS.bins }, (_, bin) => ({
    from: round(bin * width),
    to: round((bin + 1) * width),
    count: 0,
  }));
  for (const total of totals) {
    // The epsilon keeps a score on a bin edge (7 of 10 stored as 6.999999) in the bin it names.
    const bin = width > 0 ? Math.min(ANALYTICS_LIMITS.bins - 1, Math.max(0, Math.floor(total / width + 1e-9))) : 0;
    bins[bin]!.count += 1;
  }
  return bins;
}

interface AnswerOf {
  submissionId: string;
  answer: AnalyticsAnswer;
}

/** Groups first errors by label, most common first (ties by label), with a few example submissions. */
export function commonFirstErrors(answers: AnswerOf[]): CommonFirstError[] {
  const groups = new Map<string, CommonFirstError>();
  for (const { submissionId, answer } of answers) {
    if (!answer.firstError) continue;
    const label = firstErrorLabel(answer.firstError);
    const group = groups.get(label) ?? { label, count: 0, exampleSubmissionIds: [] };
    group.count += 1;
    if (group.exampleSubmissionIds.length < ANALYTICS_LIMITS.examples) group.exampleSubmissionIds.push(submissionId);
    groups.set(label, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || byText(a.label, b.label))
    .slice(0, ANALYTICS_LIMITS.commonErrors);
}

function problemAnalytics(problemKey: string, answers: AnswerOf[]): ProblemAnalytics {
  const rate = (count: number) => (answers.length === 0 ? null : round(count / answers.length, 4));
  const correct = answers.filter(({ answer }) => answer.finalVerdict === 'correct');
  return {
    problemKey,
    answered: answers.length,
    correctRate: rate(correct.length),
    flawlessRate: rate(correct.filter(({ answer }) => !answer.firstError).length),
    commonErrors: commonFirstErrors(answers),
  };
}

export function summarizeAnalytics(
  problems: { key: string; points: number }[],
  results: StoredResult[],
): AssignmentAnalytics {
  const current = currentResults(results);
  const maxScore = round(problems.reduce((sum, problem) => sum + problem.points, 0));
  const scores = current.map((result) => round(result.answers.reduce((sum, answer) => sum + answer.score, 0)));
  const answered = new Map<string, AnswerOf[]>(problems.map((problem) => [problem.key, []]));
  for (const { submissionId, answers } of current)
    for (const answer of answers) if (answer.answered) answered.get(answer.problemKey)?.push({ submissionId, answer });
  return {
    submissions: scores.length,
    meanScore: scores.length === 0 ? null : round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    maxScore,
    histogram: scoreHistogram(scores, maxScore),
    problems: problems.map((problem) => problemAnalytics(problem.key, answered.get(problem.key)!)),
  };
}
