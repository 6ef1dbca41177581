// Verdict-shaped answers for calls stopped at their deadline (or at the worker's memory limit): slow math is "could not decide",
// never an exception (GRADING.md: what nothing could decide is unverified).
import type { AnswerVerdict, CheckStepsArgs, StepsResult } from './cas-sandbox.types.js';

export function tooLongReason(timeoutMs: number): string {
  return `the check took too long (over ${timeoutMs} ms) and was stopped`;
}

export const TOO_MUCH_MEMORY_REASON = 'the check used too much memory and was stopped';

export function answerStopped(reason: string): AnswerVerdict {
  return { equivalent: false, method: 'none', reason };
}

export function stepsStopped(args: CheckStepsArgs, reason: string): StepsResult {
  return {
    firstErrorStep: null,
    finalAnswer: { given: null, expected: args.answer ?? null, verdict: 'unverified' },
    steps: args.steps.map((text, index) => ({
      index,
      text,
      verdict: 'unverified' as const,
      method: 'none' as const,
      reason,
      matchesReferenceStep: null,
    })),
    skippedReferenceSteps: [],
    missingRequiredSteps: [],
  };
}
