// Pure rules for applying teacher overrides to a graded result (GRADING.md, Score: an override
// wins and survives regrades). Used by the worker after grading and by the override endpoint.

import type { OverrideValue } from '../db/index.js';

export interface MergeableAnswer {
  problemKey: string;
  score: number;
  steps: unknown[];
  /** The grader's final answer; `review` set when this problem needs a person (API.md, per-problem status). */
  finalAnswer?: unknown;
}

const roundScore = (value: number) => Math.round(value * 100) / 100;

function unverifiedSteps(answer: MergeableAnswer): number {
  return answer.steps.filter((step) => (step as { verdict?: unknown }).verdict === 'unverified').length;
}

/** Replaces overridden answers' scores; the total and the unverified count are recomputed. */
export function applyOverrides<A extends MergeableAnswer>(
  answers: A[],
  overrides: OverrideValue[],
): { answers: A[]; score: number; unverifiedSteps: number } {
  const byKey = new Map(overrides.map((override) => [override.problemKey, override]));
  const merged = answers.map((answer) => {
    const override = byKey.get(answer.problemKey);
    return override ? { ...answer, score: override.score } : answer;
  });
  return {
    answers: merged,
    score: roundScore(merged.reduce((sum, answer) => sum + answer.score, 0)),
    // An overridden answer is settled by a person: its unverified steps no longer need review.
    unverifiedSteps: merged
      .filter((answer) => !byKey.has(answer.problemKey))
      .reduce((sum, answer) => sum + unverifiedSteps(answer), 0),
  };
}

/**
 * An answer is settled when a teacher overrode it, or when its result needs nobody: the result was
 * graded, or it has no unverified step (needs_review results come from unverified steps).
 */
export function allAnswersSettled(
  answers: MergeableAnswer[],
  resultStatus: string,
  overriddenKeys: Set<string>,
): boolean {
  return answers.every(
    (answer) =>
      overriddenKeys.has(answer.problemKey) ||
      resultStatus === 'graded' ||
      (unverifiedSteps(answer) === 0 && !(answer.finalAnswer as { review?: string } | undefined)?.review),
  );
}
