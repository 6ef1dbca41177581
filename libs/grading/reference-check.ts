import { checkAnswer } from '../math/index.js';
import { answerContradictsProblem } from './answer-against-problem.js';
import { checkSteps } from './check-steps.js';

export interface ReferenceCandidate {
  steps: string[];
  finalAnswer: string;
}

export interface ReferenceVerdict {
  trusted: boolean;
  reason: string | null;
}

/**
 * A model-written reference is checked like student work before anyone is graded against it: no
 * step may be wrong, its final answer must be readable and be what its steps establish, it must
 * hold in the problem where the CAS can prove it (answer-against-problem.ts), and it must match
 * the key when one exists.
 */
export function verifyReference(
  problem: { statement: string; definitions?: Record<string, string>; answer?: string | null },
  candidate: ReferenceCandidate,
): ReferenceVerdict {
  if (candidate.steps.length === 0) return { trusted: false, reason: 'the reference has no steps' };
  const check = checkSteps({
    problem: problem.statement,
    steps: candidate.steps,
    definitions: problem.definitions ?? {},
    answer: problem.answer ?? null,
  });
  if (check.firstErrorStep !== null) {
    const step = check.steps[check.firstErrorStep];
    return {
      trusted: false,
      reason: `reference step ${check.firstErrorStep + 1} is wrong: ${step?.reason ?? 'it does not hold'}`,
    };
  }
  // Bare words ("OK.") parse as products of variables, so readable math must also carry a digit,
  // an operator or a math command.
  const looksLikeMath = /[0-9=+\-*/^\\()[\]{}√π∞<>≤≥]/.test(candidate.finalAnswer);
  if (!looksLikeMath || !checkAnswer(candidate.finalAnswer, candidate.finalAnswer).equivalent) {
    return {
      trusted: false,
      reason: `the reference's final answer "${candidate.finalAnswer.slice(0, 80)}" cannot be read as math`,
    };
  }
  const established = check.finalAnswer.given;
  if (established !== null && !checkAnswer(candidate.finalAnswer, established).equivalent)
    return {
      trusted: false,
      reason: `the reference's final answer "${candidate.finalAnswer.slice(0, 80)}" is not what its steps establish (${established.slice(0, 80)})`,
    };
  const contradiction = answerContradictsProblem(problem.statement, problem.definitions, candidate.finalAnswer);
  if (contradiction)
    return { trusted: false, reason: `the reference's final answer fails the problem: ${contradiction}` };
  if (problem.answer) {
    const matches = checkAnswer(problem.answer, candidate.finalAnswer);
    if (!matches.equivalent)
      return {
        trusted: false,
        reason: `the reference's final answer does not match the answer key: ${matches.reason}`,
      };
  }
  return { trusted: true, reason: null };
}
