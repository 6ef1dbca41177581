import type { AnswerRow, OverrideValue } from '../db/index.js';
import { allAnswersSettled, applyOverrides } from './override-merge.js';
import { reviewStatus } from './review-status.js';

// What recording an override on a settled submission writes: a new result version, a copy of the
// current one with every override applied (GRADING.md, Score: an override wins and survives
// regrades), or nothing yet when answers the overrides do not cover were never graded.

export interface OverriddenSubmission {
  id: string;
  status: string;
  statusReason: string | null;
  resultVersion: number;
  answers: { problemKey: string; steps: string[] }[];
}

export interface CurrentResult {
  status: string;
  statusReason: string | null;
  answers: AnswerRow[];
}

export interface OverriddenVersion {
  version: number;
  status: 'graded' | 'needs_review';
  statusReason: string | null;
  score: number;
  maxScore: number;
  answers: AnswerRow[];
  /** No result was graded before: the submission is graded now, by people. */
  firstGrade: boolean;
}

/** A result row for a problem that was never graded automatically (its reference was not trusted). */
export function ungradedAnswer(problem: { key: string; points: number }, steps: string[]): AnswerRow {
  return {
    problemKey: problem.key,
    score: 0,
    maxScore: problem.points,
    finalAnswer: { given: null, expected: null, verdict: steps.length === 0 ? 'missing' : 'unverified', parts: [] },
    firstErrorStep: null,
    steps: steps.map((text, index) => ({
      index,
      text,
      verdict: 'unverified',
      method: 'none',
      reason: 'not graded automatically',
      matchesReferenceStep: null,
    })),
    skippedReferenceSteps: [],
    feedback:
      steps.length === 0 ? 'This problem was not answered.' : 'Not graded automatically; see the teacher override.',
  };
}

export function overriddenVersion(
  submission: OverriddenSubmission,
  overrides: OverrideValue[],
  current: CurrentResult | null,
  problems: { key: string; points: number }[],
): OverriddenVersion | null {
  const overriddenKeys = new Set(overrides.map((override) => override.problemKey));
  let baseAnswers: AnswerRow[];
  if (current) {
    baseAnswers = current.answers;
  } else {
    // No result to copy (needs_review or failed before grading): only a fully overridden
    // submission can be settled; otherwise the override waits for grading or more overrides.
    const submitted = new Map(submission.answers.map((answer) => [answer.problemKey, answer.steps]));
    const unsettled = problems.filter(
      (problem) => (submitted.get(problem.key)?.length ?? 0) > 0 && !overriddenKeys.has(problem.key),
    );
    if (unsettled.length > 0) return null;
    baseAnswers = problems.map((problem) => ungradedAnswer(problem, submitted.get(problem.key) ?? []));
  }
  const merged = applyOverrides(
    baseAnswers.map((answer) => ({ ...answer, steps: answer.steps as unknown[] })),
    overrides,
  );
  const settled = allAnswersSettled(merged.answers, current?.status ?? 'needs_review', overriddenKeys);
  // Per-problem reasons are recomputed: an overridden problem leaves the list.
  const perProblem = reviewStatus(merged.answers, overriddenKeys).reason;
  return {
    version: submission.resultVersion + 1,
    status: settled ? 'graded' : 'needs_review',
    statusReason: settled ? null : (perProblem ?? current?.statusReason ?? submission.statusReason),
    score: merged.score,
    maxScore: Math.round(merged.answers.reduce((sum, answer) => sum + answer.maxScore, 0) * 100) / 100,
    answers: merged.answers,
    firstGrade: current === null,
  };
}
