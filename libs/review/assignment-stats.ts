import type { SettledSubmission } from './review.types.js';

// Analytics for the assignment page, computed from stored results: score histogram (ten bins of the
// percentage), per-problem rates, and the most common first errors with example submissions.

export interface CommonError {
  label: string;
  count: number;
  exampleSubmissionIds: string[];
}

export interface ProblemStats {
  problemKey: string;
  answered: number;
  /** Share of answers whose final answer is correct. */
  correctRate: number | null;
  /** Share of answers with a correct final answer and no incorrect step. */
  flawlessRate: number | null;
  commonErrors: CommonError[];
}

export interface AssignmentStats {
  scored: number;
  meanPercent: number | null;
  histogram: { from: number; to: number; count: number }[];
  problems: ProblemStats[];
}

const BINS = 10;
const MAX_COMMON_ERRORS = 5;
const MAX_EXAMPLES = 3;

export function histogramOf(percents: number[]): AssignmentStats['histogram'] {
  const bins = Array.from({ length: BINS }, (_, bin) => ({ from: bin * 10, to: bin * 10 + 10, count: 0 }));
  for (const percent of percents) {
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(percent / 10)));
    bins[bin]!.count += 1;
  }
  return bins;
}

function errorLabel(firstError: { index: number; text: string; reason: string }): string {
  const reason = firstError.reason.replace(/\s+/g, ' ').trim();
  return reason || `step ${firstError.index + 1}: ${firstError.text.slice(0, 80)}`;
}

function problemStats(problemKey: string, submissions: SettledSubmission[]): ProblemStats {
  const answers = submissions.flatMap((submission) =>
    submission.answers
      // Only students who answered the problem count: a blank answer is not a wrong one.
      .filter((answer) => answer.problemKey === problemKey && answer.answered)
      .map((answer) => ({ submissionId: submission.submissionId, answer })),
  );
  const rate = (count: number) => (answers.length === 0 ? null : count / answers.length);
  const errors = new Map<string, CommonError>();
  for (const { submissionId, answer } of answers) {
    if (!answer.firstError) continue;
    const label = errorLabel(answer.firstError);
    const entry = errors.get(label) ?? { label, count: 0, exampleSubmissionIds: [] };
    entry.count += 1;
    if (entry.exampleSubmissionIds.length < MAX_EXAMPLES) entry.exampleSubmissionIds.push(submissionId);
    errors.set(label, entry);
  }
  const commonErrors = [...errors.values()]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, MAX_COMMON_ERRORS);
  return {
    problemKey,
    answered: answers.length,
    correctRate: rate(answers.filter(({ answer }) => answer.finalVerdict === 'correct').length),
    flawlessRate: rate(answers.filter(({ answer }) => answer.finalVerdict === 'correct' && !answer.firstError).length),
    commonErrors,
  };
}

export function computeAssignmentStats(problemKeys: string[], latest: SettledSubmission[]): AssignmentStats {
  const scored = latest.filter((submission) => submission.score !== null && submission.maxScore);
  const percents = scored.map((submission) => (100 * submission.score!) / submission.maxScore!);
  return {
    scored: scored.length,
    meanPercent: percents.length === 0 ? null : percents.reduce((sum, value) => sum + value, 0) / percents.length,
    histogram: histogramOf(percents),
    problems: problemKeys.map((key) => problemStats(key, latest)),
  };
}
