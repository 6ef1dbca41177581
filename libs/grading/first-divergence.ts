// First divergence from the reference (GRADING.md): when the work ends on a wrong answer and no
// step is provably false, the first error is the earliest step whose value leaves the reference's
// quantities, on which the wrong answer depends, after which the work never rejoins the reference.
// A valid detour that rejoins (`50 × 24 = 1200` per day, then `1200 × 3 = 3600` as the reference
// has it) is no error: only the stretch after the last rejoining step can hold the divergence.
import { formatNumber, nearlyEqual } from '../../libs/math/index.js';
import type { Derivation, StepQuantities } from './quantity-flow.js';
import { dependencyChain, includesValue } from './quantity-flow.js';

export interface ReferenceQuantities {
  /** Every number the reference reaches or uses, its answer's value, and the problem's given numbers. */
  values: number[];
  /** Only what the reference works out, and its answer. */
  worked: number[];
  /** How the reference works each value out. */
  derivations: Derivation[];
  /** The reference's equations as written, by the value they establish, to quote in reasons. */
  quotes: { value: number; text: string; operands: number[]; op: string | null }[];
}

export interface Divergence {
  step: number;
  reason: string;
}

export function firstDivergence(
  student: readonly StepQuantities[],
  reference: ReferenceQuantities,
  answerStep: number,
): Divergence | null {
  const byIndex = new Map(student.map((step) => [step.index, step]));
  const chain = dependencyChain(student, answerStep)
    .map((index) => byIndex.get(index)!)
    .filter((step) => step.established.length > 0);
  const onReference = (step: StepQuantities) =>
    step.established.every((value) => includesValue(reference.values, value));
  let lastOn = -1;
  chain.forEach((step, position) => {
    if (onReference(step)) lastOn = position;
  });
  // a detour (`150 / 75 = 2` beside the reference's `300 / 75 = 4`) neither rejoins nor diverges
  const diverging = chain
    .slice(lastOn + 1)
    .find((step) => !onReference(step) && !step.established.every((value) => isDetourValue(step, value, reference)));
  return diverging ? { step: diverging.index, reason: divergenceReason(diverging, reference) } : null;
}

function isDetourValue(step: StepQuantities, value: number, reference: ReferenceQuantities): boolean {
  return includesValue(reference.values, value) || linearDetour(step, value, reference);
}

/**
 * `150 / 75 = 2` where the reference has `300 / 75 = 4`: the reference's own rate or conversion
 * applied to a part of a quantity. By linearity the parts' results add up to the reference's, so
 * the step may be a valid detour; it is not taken for the divergence.
 */
function linearDetour(step: StepQuantities, value: number, reference: ReferenceQuantities): boolean {
  return step.derivations.some(
    (mine) =>
      nearlyEqual(mine.value, value) &&
      (mine.op === '*' || mine.op === '/') &&
      mine.operands.length === 2 &&
      (mine.op === '/'
        ? detourOperand(mine.operands[0], scaledBy(reference, '/', mine.operands[1]), reference)
        : [0, 1].some((i) =>
            detourOperand(mine.operands[1 - i], scaledBy(reference, '*', mine.operands[i]), reference),
          )),
  );
}

/** The quantities the reference multiplies by (or divides by) `factor`. */
function scaledBy(reference: ReferenceQuantities, op: '*' | '/', factor: number): number[] {
  const scaled: number[] = [];
  for (const theirs of reference.derivations) {
    if (theirs.op !== op || theirs.operands.length !== 2) continue;
    const [a, b] = theirs.operands;
    if (nearlyEqual(b, factor)) scaled.push(a);
    else if (op === '*' && nearlyEqual(a, factor)) scaled.push(b);
  }
  return scaled;
}

/**
 * The reference's factor on a quantity of the student's own may be a valid detour; on another of the
 * reference's quantities or the problem's given numbers (`2 × 65` or `2 × 25` where the reference
 * doubles 40, and has 65 elsewhere or 25 is given) it is the factor applied to the wrong quantity,
 * unless that quantity is a part of what the reference scales.
 */
function detourOperand(quantity: number, scaled: readonly number[], reference: ReferenceQuantities): boolean {
  if (scaled.length === 0) return false;
  return !includesValue(reference.values, quantity) || isPartOfScaled(quantity, scaled);
}

/** A part of one of the quantities the reference scales (`150` of `300`). */
function isPartOfScaled(quantity: number, scaled: readonly number[]): boolean {
  return scaled.some((whole) => Math.abs(quantity) <= Math.abs(whole) + 1e-9);
}

const OPERATION_WORDS: Record<string, string> = {
  '+': 'adds',
  '-': 'subtracts',
  '*': 'multiplies',
  '/': 'divides',
  '^': 'raises to a power',
};

function divergenceReason(step: StepQuantities, reference: ReferenceQuantities): string {
  const off = step.established.filter((value) => !includesValue(reference.values, value));
  const shown = off.map((value) => formatNumber(value)).join(', ');
  // quote the reference equation that shares the most operands with this step
  const overlap = (operands: number[]) => step.used.filter((u) => includesValue(operands, u)).length;
  const quote = reference.quotes.reduce<ReferenceQuantities['quotes'][number] | null>(
    (best, q) => (overlap(q.operands) > (best ? overlap(best.operands) : 0) ? q : best),
    null,
  );
  if (!quote)
    return `this step works out ${shown}, a value the reference solution never reaches, and the wrong answer depends on it`;
  const mine = step.derivations.find((d) => d.op !== null && overlap(quote.operands) >= 2);
  const how =
    mine && quote.op && mine.op !== quote.op
      ? `: this step ${OPERATION_WORDS[mine.op!] ?? 'combines'} where the reference ${OPERATION_WORDS[quote.op] ?? 'combines'}`
      : '';
  return `the reference has ${quote.text} here; this step works out ${shown}, a value the reference never reaches, and the wrong answer depends on it${how}`;
}
