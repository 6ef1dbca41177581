// Score from verdicts (GRADING.md "Score"): answerWeight of the points for the final answer (shared
// equally by named parts), the rest spread over checked steps; carried_error steps earn their share
// only when errorCarriedForward is on; penalties subtracted; never below 0; 2 decimals.
import type { GradingPolicy, StepCheck } from './grading.types.js';

export interface ScoreBreakdown {
  score: number;
  answerPoints: number;
  stepPoints: number;
  penalty: number;
}

type ScoredCheck = Pick<StepCheck, 'finalAnswer' | 'steps' | 'missingRequiredSteps'>;
/** Skipped required reference steps: their indices or their count (default: the check's own). */
type MissingSteps = number | readonly number[];

/** The score in points (what workers store). */
export function scoreAnswer(
  check: ScoredCheck,
  policy: GradingPolicy = {},
  points = 10,
  missingRequiredSteps?: MissingSteps,
): number {
  return scoreBreakdown(check, policy, points, missingRequiredSteps).score;
}

/** The score with its parts, for feedback and audits. */
export function scoreBreakdown(
  check: ScoredCheck,
  policy: GradingPolicy = {},
  points = 10,
  missingRequiredSteps?: MissingSteps,
): ScoreBreakdown {
  const missing = missingCount(missingRequiredSteps ?? check.missingRequiredSteps ?? 0);
  const total = Number.isFinite(points) && points > 0 ? points : 0;
  const weight = clamp01(policy.answerWeight ?? 0.5);
  const carriedCounts = policy.errorCarriedForward ?? true;
  // unverified steps and steps that show no work (`2 = 2`, a restated number) are left out
  const checked = check.steps.filter((s) => s.verdict !== 'unverified' && s.stepCredit !== false);
  const answerShare = checked.length === 0 ? total : total * weight;
  const answerPoints = answerShare * answerFraction(check.finalAnswer);
  const perStep = checked.length ? (total - answerShare) / checked.length : 0;
  const earning = checked.filter(
    (s) => s.verdict === 'correct' || (carriedCounts && s.verdict === 'carried_error'),
  ).length;
  const stepPoints = perStep * earning;
  // the penalty is a share of the problem's points per skipped required step
  const penalty = Math.max(0, policy.missingRequiredStepPenalty ?? 0) * total * missing;
  const score = Math.max(0, round2(answerPoints + stepPoints - penalty));
  return { score, answerPoints: round2(answerPoints), stepPoints: round2(stepPoints), penalty: round2(penalty) };
}

function answerFraction(final: StepCheck['finalAnswer']): number {
  if (final.parts && final.parts.length > 0)
    return final.parts.filter((p) => p.verdict === 'correct').length / final.parts.length;
  return final.verdict === 'correct' ? 1 : 0;
}

function missingCount(missing: MissingSteps): number {
  const count = typeof missing === 'number' ? missing : missing.length;
  return Number.isFinite(count) ? Math.max(0, count) : 0;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0.5;
}

function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}
