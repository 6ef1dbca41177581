// The quantities a reference solution reaches (for the first-divergence rule): the values its
// steps work out, its answer, and the numbers the problem gives, read with the student's reader.
import { exprToString, literals, MATH_LIMITS, readAnswer } from '../../libs/math/index.js';
import type { ReferenceQuantities } from './first-divergence.js';
import type { ReferenceInput } from './grading.types.js';
import { rethrowUnlessMathLimit } from './math-errors.js';
import { functionNamesIn } from './problem-context.js';
import { itemQuantities, valueOf } from './quantity-flow.js';
import { referenceSteps, referenceStepText } from './reference-compare.js';
import type { MathItem } from './step-reader.js';
import { readStep } from './step-reader.js';
import type { StudentContext } from './student-context.js';

export function referenceQuantities(
  problem: string,
  reference: ReferenceInput,
  context: StudentContext,
): ReferenceQuantities {
  const values: number[] = [];
  const worked: number[] = [];
  const derivations: ReferenceQuantities['derivations'] = [];
  const quotes: ReferenceQuantities['quotes'] = [];
  values.push(...problemNumbers(problem, context));
  for (const step of referenceSteps(reference)) {
    const text = referenceStepText(step);
    const items = readItems(text, context);
    const quantities = itemQuantities(items, context);
    values.push(...quantities.established, ...quantities.used);
    worked.push(...quantities.established);
    derivations.push(...quantities.derivations);
    for (const item of items) {
      if (item.parts.length < 2) continue;
      const quoted = quoteOf(item);
      const head = item.parts[0];
      const operands = literals(head);
      const op = head.kind === 'bin' ? head.op : null;
      for (const value of quantities.established) quotes.push({ value, text: quoted, operands, op });
    }
  }
  const answer = typeof reference.answer === 'string' ? readAnswer(reference.answer) : null;
  const answerValue = answer?.kind === 'expr' ? valueOf(answer.expr, context) : null;
  if (answerValue !== null) {
    values.push(answerValue);
    worked.push(answerValue);
  }
  return { values, worked, derivations, quotes };
}

/** The numbers the problem gives, as the reader finds them in its statement. */
export function problemNumbers(problem: string, context: StudentContext): number[] {
  const numbers: number[] = [];
  for (const item of readItems(problem, context)) for (const part of item.parts) literals(part, numbers);
  return numbers;
}

function readItems(text: string, context: StudentContext): MathItem[] {
  if (typeof text !== 'string' || text.length > MATH_LIMITS.maxTextChars) return [];
  try {
    const names = new Set([...context.functionNames(), ...functionNamesIn(text)]);
    return readStep(text, names, new Set(), context.unitLetters);
  } catch (error) {
    // a reference line past the math limits adds no quantities
    rethrowUnlessMathLimit(error);
    return [];
  }
}

function quoteOf(item: MathItem): string {
  return item.parts.map((part, i) => (i === 0 ? '' : ` ${item.rels[i - 1]} `) + exprToString(part)).join('');
}
