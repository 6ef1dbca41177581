// checkSteps: reads and checks every step of a student's work against the problem and the
// student's own earlier steps, finds the first error, and judges the final answer against the key.
// Never throws: anything unreadable or refused becomes `unverified` with a reason.
import { checkAnswer, MATH_LIMITS } from '../../libs/math/index.js';
import { combineClaims } from './claim-outcome.js';
import type { Conclusion } from './conclusion-reader.js';
import type { CheckStepsInput, FinalAnswerResult, StepCheck, StepResult } from './grading.types.js';
import { buildProblemContext, functionNamesIn } from './problem-context.js';
import type { StudentContext } from './student-context.js';
import { checkStepItems } from './step-checker.js';
import { readStep } from './step-reader.js';
import { judgeFinalAnswer } from './final-answer.js';

const MAX_STEPS = 500;

export function checkSteps(input: CheckStepsInput): StepCheck {
  const steps = Array.isArray(input?.steps) ? input.steps.slice(0, MAX_STEPS) : [];
  const problem = typeof input?.problem === 'string' ? input.problem : '';
  const context = safeContext(problem, input?.definitions);
  const results: StepResult[] = [];
  let conclusion: Conclusion | null = null;
  let lastValueText: string | null = null;
  const namedSoFar = new Map<string, string>();
  steps.forEach((raw, index) => {
    const text = typeof raw === 'string' ? raw : String(raw ?? '');
    const checked = checkOneStep(text, index, context);
    results.push(checked.result);
    if (checked.conclusion) {
      if (checked.conclusion.named) {
        for (const [k, v] of checked.conclusion.named) namedSoFar.set(k, v);
        conclusion = { named: new Map(namedSoFar), value: null };
      } else conclusion = checked.conclusion;
    }
    if (checked.lastValueText !== null) lastValueText = checked.lastValueText;
  });
  const firstIncorrect = results.find((r) => r.verdict === 'incorrect');
  const finalAnswer: FinalAnswerResult = judgeFinalAnswer(conclusion, lastValueText, input?.answer ?? null, input?.policy, checkAnswer);
  return { firstErrorStep: firstIncorrect ? firstIncorrect.index : null, finalAnswer, steps: results };
}

function safeContext(problem: string, definitions: Record<string, string> | undefined): StudentContext {
  try {
    return buildProblemContext(problem, definitions && typeof definitions === 'object' ? definitions : undefined);
  } catch {
    // an unreadable statement gives an empty context; steps are still checked on their own
    return buildProblemContext('', undefined);
  }
}

function checkOneStep(text: string, index: number, context: StudentContext): { result: StepResult; conclusion: Conclusion | null; lastValueText: string | null } {
  const base = { index, text, matchesReferenceStep: null };
  if (text.length > MATH_LIMITS.maxTextChars) {
    return { result: { ...base, verdict: 'unverified', method: 'none', reason: `step longer than ${MATH_LIMITS.maxTextChars} characters was not read` }, conclusion: null, lastValueText: null };
  }
  try {
    const names = new Set([...context.functionNames(), ...functionNamesIn(text)]);
    const items = readStep(text, names, new Set(context.vars.keys()));
    const state = checkStepItems(text, items, context);
    const verdict = combineClaims(state.claims);
    const lastItem = items[items.length - 1];
    const lastValueText = state.solutionText ?? (lastItem ? lastValueOf(lastItem.parts[lastItem.parts.length - 1]) : null);
    return { result: { ...base, ...verdict }, conclusion: state.conclusion, lastValueText };
  } catch (error) {
    return { result: { ...base, verdict: 'unverified', method: 'none', reason: `could not check this step: ${(error as Error).message}` }, conclusion: null, lastValueText: null };
  }
}

function lastValueOf(expr: import('../../libs/math/index.js').Expr): string | null {
  return expr.kind === 'list' ? null : exprText(expr);
}

import { exprToString as exprText } from '../../libs/math/index.js';
