// checkSteps: reads and checks every step of a student's work against the problem and the
// student's own earlier steps, finds the first error, and judges the final answer against the key.
// Math it cannot decide (past the limits, unreadable) becomes `unverified` with a reason; any other
// error is a bug and is thrown, never hidden as `unverified`.
import type { SourceSpan } from '../../libs/math/index.js';
import { checkAnswer, MATH_LIMITS } from '../../libs/math/index.js';
import { spanAcross } from './item-span.js';
import { combineClaims } from './claim-outcome.js';
import type { Conclusion } from './conclusion-reader.js';
import type { CheckStepsInput, FinalAnswerResult, ReferenceInput, StepCheck, StepResult } from './grading.types.js';
import { functionNamesIn } from './problem-context.js';
import { problemContextFor } from './problem-context-cache.js';
import type { StudentContext } from './student-context.js';
import { checkStepItems } from './step-checker.js';
import { readStep } from './step-reader.js';
import { judgeFinalAnswer } from './final-answer.js';
import type { ClaimSignature } from './claim-signatures.js';
import { claimSignatures } from './claim-signatures.js';
import { compareWithReference } from './reference-compare.js';
import { referenceFor } from './reference-cache.js';
import type { StepQuantities } from './quantity-flow.js';
import { itemQuantities } from './quantity-flow.js';
import { referenceQuantities } from './reference-quantities.js';
import { isAnswerLine, statesValue } from './answer-lines.js';
import { markWrongTurn } from './wrong-turn.js';
import { unitLettersInStep } from './unit-letters.js';
import { chainTailOf, joinContinuation } from './continued-chain.js';
import { addsUnlikeUnits } from './mixed-units.js';
import type { MathItem } from './math-item.js';
import type { Expr } from '../../libs/math/index.js';

const MAX_STEPS = 500;
const NO_QUANTITIES = { established: [], used: [], derivations: [] };

export function checkSteps(input: CheckStepsInput): StepCheck {
  const steps = Array.isArray(input?.steps) ? input.steps.slice(0, MAX_STEPS) : [];
  const problem = typeof input?.problem === 'string' ? input.problem : '';
  const context = safeContext(problem, input?.definitions);
  const results: StepResult[] = [];
  let conclusion: Conclusion | null = null;
  let lastValueText: string | null = null;
  const namedSoFar = new Map<string, string>();
  const definitions = input?.definitions && typeof input.definitions === 'object' ? input.definitions : undefined;
  const reference = hasReference(input?.reference) ? referenceFor(problem, definitions, input.reference) : [];
  const studentClaims: ClaimSignature[][] = [];
  const quantities: Omit<StepQuantities, 'dependsOn'>[] = [];
  let conclusionStep: number | null = null;
  const bareAnswers = new Set<number>();
  let lastValueStep: number | null = null;
  const answerSpans: (() => SourceSpan | null)[] = [];
  steps.forEach((raw, index) => {
    const text = typeof raw === 'string' ? raw : String(raw ?? '');
    const checked = checkOneStep(text, index, context, reference.length > 0);
    results.push(checked.result);
    studentClaims.push(checked.claims);
    quantities.push({ index, ...checked.quantities });
    if (checked.bare) bareAnswers.add(index);
    answerSpans.push(checked.answerSpan ?? (() => null));
    if (checked.conclusion) {
      conclusionStep = index;
      if (checked.conclusion.named) {
        for (const [k, v] of checked.conclusion.named) namedSoFar.set(k, v);
        conclusion = { named: new Map(namedSoFar), value: null };
      } else conclusion = checked.conclusion;
    }
    if (checked.lastValueText !== null) {
      lastValueText = checked.lastValueText;
      lastValueStep = index;
    }
  });
  const key = input?.answer ?? (hasReference(input?.reference) ? (input.reference.answer ?? null) : null);
  const finalAnswer: FinalAnswerResult = judgeFinalAnswer(conclusion, lastValueText, key, input?.policy, checkAnswer);
  // only the answer the work ends on: a conclusion followed by more worked steps is not final
  const answerStep = conclusion ? conclusionStep : lastValueStep;
  if (answerStep !== null && answerStep === lastValueStep && bareAnswers.has(answerStep))
    results[answerStep] = settledByKey(results[answerStep], finalAnswer, answerSpans[answerStep]);
  if (answerStep !== null && finalAnswer.verdict === 'incorrect') {
    // one fresh problem context serves both readings (the student's own context has moved on)
    const fresh = safeContext(problem, input?.definitions);
    markWrongTurn(results, {
      quantities,
      answerStep,
      finalAnswer,
      reference: hasReference(input?.reference) ? referenceQuantities(problem, input.reference, fresh) : null,
      context: fresh,
      answerLines: new Set(steps.flatMap((step, index) => (isAnswerLine(String(step)) ? [index] : []))),
    });
  }
  const firstIncorrect = results.find((r) => r.verdict === 'incorrect');
  const comparison = compareWithReference(studentClaims, reference, safeContext(problem, input?.definitions).scope());
  comparison.matches.forEach((match, index) => {
    results[index].matchesReferenceStep = match;
  });
  return {
    firstErrorStep: firstIncorrect ? firstIncorrect.index : null,
    finalAnswer,
    steps: results,
    skippedReferenceSteps: comparison.skippedReferenceSteps,
    missingRequiredSteps: comparison.missingRequiredSteps,
  };
}

/**
 * The step that gives the final answer, with nothing in it the CAS could decide (`4`, `x = 4`,
 * `$4.00`, `The answer is 12` where 12 appears nowhere in the work), is decided by the key, never
 * left for a model: it matches (`correct`, no step credit: the key, not the work, decided it) or
 * it is wrong (`incorrect`).
 */
function settledByKey(step: StepResult, final: FinalAnswerResult, answerSpan: () => SourceSpan | null): StepResult {
  if (step.verdict !== 'unverified' || step.method !== 'none') return step;
  if (final.verdict === 'correct')
    return {
      ...step,
      verdict: 'correct',
      method: 'answer_key',
      reason: `${final.given} matches the answer key`,
      stepCredit: false,
    };
  const span = final.verdict === 'incorrect' ? answerSpan() : null;
  if (final.verdict === 'incorrect')
    return {
      ...step,
      verdict: 'incorrect',
      method: 'answer_key',
      reason: `${final.given} does not match the answer key, and the work does not establish it`,
      ...(span ? { span } : {}),
    };
  return step;
}

function hasReference(reference: CheckStepsInput['reference']): reference is ReferenceInput {
  return (
    typeof reference === 'object' && reference !== null && Array.isArray(reference.steps) && reference.steps.length > 0
  );
}

function safeContext(problem: string, definitions: Record<string, string> | undefined): StudentContext {
  return problemContextFor(problem, definitions && typeof definitions === 'object' ? definitions : undefined);
}

interface CheckedStep {
  result: StepResult;
  conclusion: Conclusion | null;
  lastValueText: string | null;
  claims: ClaimSignature[];
  quantities: Omit<StepQuantities, 'index' | 'dependsOn'>;
  /** The step's math only states values (`4`, `x = 4`, `x = 2 or x = 3`): nothing in it is worked out. */
  bare: boolean;
  /** Where the answer a bare step states was written, for a verdict the key decides (built only then). */
  answerSpan?: () => SourceSpan | null;
}

function checkOneStep(text: string, index: number, context: StudentContext, withClaims: boolean): CheckedStep {
  const base = { index, text, matchesReferenceStep: null };
  if (text.length > MATH_LIMITS.maxTextChars) {
    return {
      result: {
        ...base,
        verdict: 'unverified',
        method: 'none',
        reason: `step longer than ${MATH_LIMITS.maxTextChars} characters was not read`,
      },
      conclusion: null,
      lastValueText: null,
      claims: [],
      bare: false,
      quantities: NO_QUANTITIES,
    };
  }
  try {
    const names = new Set([...context.functionNames(), ...functionNamesIn(text)]);
    // a letter the student names as an unknown (`let h be the hours`) is no unit from then on
    context.unitLetters = unitLettersInStep(text, context.unitLetters);
    const items = joinContinuation(
      readStep(text, names, new Set(context.vars.keys()), context.unitLetters),
      context.chainTail,
    );
    context.chainTail = chainTailOf(items);
    const state = checkStepItems(text, items, context);
    const verdict = combineClaims(state.claims);
    // `600 / 12 = 50 minutes at 12 GB/minute`: a computed value outranks a number stated after it
    const lastItem = [...items].reverse().find((item) => item.rels.length > 0) ?? items[items.length - 1];
    const bare = items.length > 0 && items.every(statesValue);
    // a tautology (`2 = 2`) shows no work and states no answer: the answer stays where it was
    const tautology = verdict.stepCredit === false && !bare;
    const lastValueText = tautology
      ? null
      : (state.solutionText ?? (lastItem ? lastValueOf(answerPartOf(lastItem)) : null));
    const claims = withClaims ? claimSignaturesSafe(items, context) : [];
    const quantities = itemQuantities(items, context);
    const answerSpan = () => (bare ? spanAcross(items.map((item) => item.span)) : null);
    const result = { ...base, ...verdict };
    return { result, conclusion: state.conclusion, lastValueText, claims, bare, quantities, answerSpan };
  } catch (error) {
    rethrowUnlessMathLimit(error);
    return {
      result: {
        ...base,
        verdict: 'unverified',
        method: 'none',
        reason: `could not check this step: ${(error as Error).message}`,
      },
      conclusion: null,
      lastValueText: null,
      claims: [],
      bare: false,
      quantities: NO_QUANTITIES,
    };
  }
}

/** The part a step's answer is read from: the last, unless it sums unlike units (`= 1 hour 30 minutes`). */
function answerPartOf(item: MathItem): Expr {
  const last = item.parts.length - 1;
  // the last number's unit is the prose after the item (`… 30 minutes.`)
  const units = [...(item.literalUnits[last] ?? [])];
  if (units.length > 0 && units[units.length - 1] === null) units[units.length - 1] = item.after ?? null;
  return last > 0 && addsUnlikeUnits(units) ? item.parts[last - 1] : item.parts[last];
}

function lastValueOf(expr: Expr): string | null {
  return expr.kind === 'list' ? null : exprText(expr);
}

import { exprToString as exprText } from '../../libs/math/index.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

function claimSignaturesSafe(items: Parameters<typeof claimSignatures>[0], context: StudentContext): ClaimSignature[] {
  try {
    return claimSignatures(items, context);
  } catch (error) {
    // a step whose claims are past the math limits simply matches no reference step
    rethrowUnlessMathLimit(error);
    return [];
  }
}
