// Where wrong work went wrong when no step is provably false (GRADING.md "First divergence from the
// reference"): the first divergence from the reference's quantities; failing that (the work stops
// at a value the reference passes through, or there is no reference), the step where the wrong
// answer is first given. A refuted claim always outranks both: they apply only when none exists.
import { readAnswer } from '../../libs/math/index.js';
import type { Divergence, ReferenceQuantities } from './first-divergence.js';
import { firstDivergence } from './first-divergence.js';
import type { FinalAnswerResult, StepResult } from './grading.types.js';
import type { StepQuantities } from './quantity-flow.js';
import { includesValue, linkQuantities, valueOf } from './quantity-flow.js';
import type { StudentContext } from './student-context.js';

export interface WrongTurnInput {
  quantities: Omit<StepQuantities, 'dependsOn'>[];
  answerStep: number;
  finalAnswer: FinalAnswerResult;
  reference: ReferenceQuantities | null;
  context: StudentContext;
  /** Steps that only announce the answer (`A: 240`, `The answer is 240`, `#### 240`). */
  answerLines: ReadonlySet<number>;
}

export function markWrongTurn(results: StepResult[], input: WrongTurnInput): void {
  // a bare answer line the key refuted says where the answer is given, not where the work went wrong
  const refuted = results.filter((r) => r.verdict === 'incorrect');
  if (refuted.some((r) => r.method !== 'answer_key')) return;
  const linked = linkQuantities(input.quantities);
  const divergence = input.reference ? firstDivergence(linked, input.reference, input.answerStep) : null;
  if (refuted.length > 0 && (!divergence || divergence.step > refuted[0].index)) return;
  const turn = divergence ?? wrongAnswerGiven(linked, input);
  if (!turn) return;
  const method = divergence || input.reference ? 'reference' : 'answer_key';
  results[turn.step] = { ...results[turn.step], verdict: 'incorrect', method, reason: turn.reason };
}

/**
 * The step where the wrong answer is first given: walking back from the answer through the steps
 * that only restate its value, to the step that works it out (`120 × 2 = 240 in June`, then
 * `A: 240`). Where a sentence restates a value worked out earlier as the answer (`x = 51 / 3 = 17`,
 * then `so the nephew is 17 now`), the sentence is the wrong turn, not the correct computation.
 */
function wrongAnswerGiven(steps: readonly StepQuantities[], input: WrongTurnInput): Divergence | null {
  const parsed = input.finalAnswer.given === null ? null : readAnswer(input.finalAnswer.given);
  const value = parsed?.kind === 'expr' ? valueOf(parsed.expr, input.context) : null;
  if (value === null) return null;
  const restates = (step: StepQuantities) => step.derivations.length === 0 && includesValue(step.used, value);
  let origin: number | null = null;
  let restatement: number | null = null;
  for (let at = steps.findIndex((s) => s.index === input.answerStep); at >= 0; at--) {
    const step = steps[at];
    if (includesValue(step.established, value)) {
      origin = step.index;
      break;
    }
    if (!restates(step)) break;
    origin = step.index;
    if (!input.answerLines.has(step.index)) restatement = step.index;
  }
  if (origin === null) return null;
  const expected = input.finalAnswer.expected ?? 'the key';
  const passes = input.reference !== null && includesValue(input.reference.worked, value);
  // the value is one the reference reaches too: computing it was right, calling it the answer is not
  if (restatement !== null && passes) origin = restatement;
  const why = passes
    ? `the reference passes through ${input.finalAnswer.given} on the way to ${expected}: the work stops at a value that is not what the problem asks`
    : `the answer key has ${expected}`;
  return { step: origin, reason: `this step gives ${input.finalAnswer.given} as the answer; ${why}` };
}
