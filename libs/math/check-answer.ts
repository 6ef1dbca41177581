// Final-answer equivalence (GRADING.md "Equivalence"): reads both answers into structured values
// and compares them part by part at the policy's tolerance. Unreadable or refused
// input is `{equivalent: false, method: 'none', reason}`; any other error is a bug and is thrown.
import type { Region } from './answer-region.js';
import { intervalPiece, sameRegion } from './answer-region.js';
import type { AnswerValue } from './answer-value.js';
import { readAnswer } from './answer-value.js';
import { needsCas } from './cas-compare.js';
import type { Outcome, Tolerance } from './compare-scalars.js';
import { anyOf, approximateDecimals, compareScalars, percentReadings } from './compare-scalars.js';
import { compareEquations } from './compare-equations.js';
import { solutionsOf } from './equation-sets.js';
import type { Expr } from './expr.js';
import { freeSymbols, literals, num } from './expr.js';
import { EMPTY_SCOPE } from './evaluate.js';
import { unboundSymbols } from './equivalence.js';
import { MATH_LIMITS } from './limits.js';
import { isMathLimit } from './math-errors.js';
import { hasDerivative } from './calculus.js';
import { splitUnit } from './answer-units.js';

export interface AnswerPolicy {
  relativeTolerance?: number;
  acceptRoundedTo?: number | null;
}

export interface AnswerCheck {
  equivalent: boolean;
  method: 'cas' | 'numeric' | 'none';
  reason: string;
}

const DEFAULT_TOLERANCE = 1e-6;

export function checkAnswer(expected: string, given: string, policy: AnswerPolicy = {}): AnswerCheck {
  if (typeof expected !== 'string' || typeof given !== 'string')
    return { equivalent: false, method: 'none', reason: 'answers must be text' };
  if (expected.length > MATH_LIMITS.maxTextChars || given.length > MATH_LIMITS.maxTextChars) {
    return {
      equivalent: false,
      method: 'none',
      reason: `an answer is longer than ${MATH_LIMITS.maxTextChars} characters`,
    };
  }
  try {
    const expectedValue = readAnswer(expected);
    if (!expectedValue)
      return { equivalent: false, method: 'none', reason: `could not read the expected answer "${clip(expected)}"` };
    const givenValue = readAnswer(given);
    if (!givenValue) return { equivalent: false, method: 'none', reason: `could not read the answer "${clip(given)}"` };
    const tolerance: Tolerance = {
      relative: policy.relativeTolerance ?? DEFAULT_TOLERANCE,
      roundedTo: policy.acceptRoundedTo ?? null,
    };
    const read = compareValues(expectedValue, givenValue, tolerance);
    const outcome = read.equal ? read : (withoutUnits(expected, given, tolerance) ?? read);
    if (outcome.method === 'none')
      return { equivalent: false, method: 'none', reason: outcome.reason ?? 'could not compare the answers' };
    return {
      equivalent: outcome.equal,
      method: outcome.method,
      reason:
        outcome.reason ??
        (outcome.equal
          ? `"${clip(given)}" is equivalent to "${clip(expected)}"`
          : `"${clip(given)}" is not equivalent to "${clip(expected)}"`),
    };
  } catch (error) {
    // an answer the math cannot decide is refused with its reason; anything else is a bug and surfaces
    if (!isMathLimit(error)) throw error;
    return { equivalent: false, method: 'none', reason: `refused: ${error.message}` };
  }
}

/** `40 cm` against `40`: equal once the unit written on one side only is set aside (the same unit on both compares as written). */
function withoutUnits(expected: string, given: string, tolerance: Tolerance): Outcome | null {
  const a = splitUnit(expected);
  const b = splitUnit(given);
  if (a.unit === b.unit) return null;
  if (a.unit !== null && b.unit !== null) return null;
  const left = readAnswer(a.value);
  const right = readAnswer(b.value);
  if (left?.kind !== 'expr' || right?.kind !== 'expr') return null;
  if (unboundSymbols([left.expr, right.expr], EMPTY_SCOPE).length > 0) return null;
  const outcome = compareValues(left, right, tolerance);
  if (!outcome.equal) return null;
  return {
    ...outcome,
    reason: `"${clip(given)}" is equivalent to "${clip(expected)}" once the unit ${a.unit ?? b.unit} is set aside`,
  };
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

export function compareValues(expected: AnswerValue, given: AnswerValue, tolerance: Tolerance): Outcome {
  if (expected.kind === 'text' || given.kind === 'text') {
    const a = expected.kind === 'text' ? expected.text : null;
    const b = given.kind === 'text' ? given.text : null;
    return a !== null && b !== null ? { equal: a === b, method: 'cas' } : { equal: false, method: 'cas' };
  }
  if (expected.kind === 'expr' && given.kind === 'expr') {
    const rounded = approximateDecimals(expected) ?? approximateDecimals(given);
    const scalarTolerance = rounded === null ? tolerance : { ...tolerance, roundedTo: rounded };
    const percent = percentReadings(expected.expr, given.expr);
    if (percent) return anyOf(percent.map(([a, b]) => compareScalars(a, b, scalarTolerance)));
    return compareScalars(expected.expr, given.expr, scalarTolerance);
  }
  if (expected.kind === 'region' || given.kind === 'region') {
    const [a, b] = [asRegion(expected), asRegion(given)];
    if (!a || !b) return { equal: false, method: 'cas', reason: `a ${given.kind} is not a ${expected.kind}` };
    return { equal: sameRegion(a, b), method: 'numeric' };
  }
  const labelled =
    expected.kind === 'equation' && given.kind !== 'equation'
      ? (labelValue(expected) ?? workedOutValue(expected))
      : given.kind === 'equation' && expected.kind !== 'equation'
        ? (labelValue(given) ?? workedOutValue(given))
        : null;
  if (labelled)
    return expected.kind === 'equation'
      ? compareValues(labelled, given, tolerance)
      : compareValues(expected, labelled, tolerance);
  if (expected.kind === 'equation' && given.kind === 'equation') return compareEquations(expected, given);
  if (expected.kind === 'interval' && given.kind === 'interval') {
    if (expected.lowClosed !== given.lowClosed || expected.highClosed !== given.highClosed)
      return { equal: false, method: 'cas', reason: 'the interval endpoints are not included the same way' };
    return all([
      compareScalars(expected.low, given.low, tolerance),
      compareScalars(expected.high, given.high, tolerance),
    ]);
  }
  if (expected.kind === 'tuple' && given.kind === 'tuple') {
    if (expected.items.length !== given.items.length)
      return { equal: false, method: 'cas', reason: 'the tuples have different lengths' };
    return all(expected.items.map((item, i) => compareValues(item, given.items[i], tolerance)));
  }
  if (expected.kind === 'named' && given.kind === 'named') {
    if (expected.parts.size !== given.parts.size || [...expected.parts.keys()].some((k) => !given.parts.has(k))) {
      if (expected.parts.size === 1 && given.parts.size === 1)
        return compareValues([...expected.parts.values()][0], [...given.parts.values()][0], tolerance);
      return { equal: false, method: 'cas', reason: 'the answer does not name the same parts' };
    }
    return all([...expected.parts].map(([name, value]) => compareValues(value, given.parts.get(name)!, tolerance)));
  }
  const listed = unnamedList(expected, given) ?? unnamedList(given, expected);
  if (listed) return all(listed.named.map((value, i) => compareValues(value, listed.values[i], tolerance)));
  if (expected.kind === 'named') return compareValues(namedAsValue(expected), given, tolerance);
  if (given.kind === 'named') return compareValues(expected, namedAsValue(given), tolerance);
  const vectors = asVectors(expected, given);
  if (vectors) return compareScalars(vectors[0], vectors[1], tolerance);
  const expectedItems = asMembers(expected);
  const givenItems = asMembers(given);
  // each side is its own single member: comparing the members would only ask this question again
  const singletons = expectedItems?.[0] === expected && givenItems?.[0] === given;
  if (expectedItems && givenItems && !singletons) return compareSets(expectedItems, givenItems, tolerance);
  return { equal: false, method: 'cas', reason: `a ${given.kind} is not a ${expected.kind}` };
}

/** `AB = 4, CD = 5` against `4, 5`: named parts and an unnamed list of as many values, in order. */
function unnamedList(named: AnswerValue, other: AnswerValue): { named: AnswerValue[]; values: AnswerValue[] } | null {
  if (named.kind !== 'named' || named.parts.size < 2) return null;
  if ((other.kind !== 'set' || other.variable) && other.kind !== 'tuple') return null;
  if (other.items.length !== named.parts.size || other.items.some((i) => i.kind === 'named')) return null;
  return { named: [...named.parts.values()], values: other.items };
}

/**
 * `\\frac{d}{dx}(3x^2) = 6x`, `\\sum_{k=1}^{4} k = 10`: an operation written out, then its value. The
 * value is the answer (whether the operation gives it is the step checker's question).
 */
function workedOutValue(equation: Extract<AnswerValue, { kind: 'equation' }>): AnswerValue | null {
  return hasDerivative(equation.left) && !hasDerivative(equation.right) ? { kind: 'expr', expr: equation.right } : null;
}

/** `|AB| = 1`, `\\frac{NO}{BO} = \\frac{1}{\\sqrt 6}`: a label made of names only, then a constant value. */
function labelValue(equation: Extract<AnswerValue, { kind: 'equation' }>): AnswerValue | null {
  if (literals(equation.left).length > 0 || unboundSymbols([equation.left], EMPTY_SCOPE).length === 0) return null;
  // `y = 2x + 3` against `2x + 3`: a lone name the right side does not use only labels it
  const labels = equation.left.kind === 'sym' && !freeSymbols(equation.right).has(equation.left.name);
  if (!labels && unboundSymbols([equation.right], EMPTY_SCOPE).length > 0) return null;
  return { kind: 'expr', expr: equation.right };
}

/** Intervals, order chains and `(a, b)` pairs read as the set of reals they describe. */
function asRegion(value: AnswerValue): Region | null {
  if (value.kind === 'region') return value;
  if (value.kind === 'interval')
    return {
      kind: 'region',
      pieces: [intervalPiece(value.low, value.high, value.lowClosed, value.highClosed)],
      variable: null,
    };
  if (value.kind === 'tuple' && value.items.length === 2 && value.items.every((i) => i.kind === 'expr')) {
    const [low, high] = value.items.map((i) => (i as { expr: Expr }).expr);
    return { kind: 'region', pieces: [intervalPiece(low, high, false, false)], variable: null };
  }
  return null;
}

/** `[4, 6]` against `[1, 2] + [3, 4]`: a tuple or interval against vector arithmetic is a vector. */
function asVectors(expected: AnswerValue, given: AnswerValue): [Expr, Expr] | null {
  const vector = (value: AnswerValue): Expr | null => {
    if (value.kind === 'expr') return value.expr;
    if (value.kind === 'interval') return { kind: 'list', open: '[', close: ']', items: [value.low, value.high] };
    if (value.kind === 'tuple' && value.items.every((i) => i.kind === 'expr'))
      return { kind: 'list', open: '(', close: ')', items: value.items.map((i) => (i as { expr: Expr }).expr) };
    return null;
  };
  const [a, b] = [vector(expected), vector(given)];
  if (!a || !b || (expected.kind !== 'expr' && given.kind !== 'expr')) return null;
  return needsCas(a) || needsCas(b) ? [a, b] : null;
}

function namedAsValue(value: Extract<AnswerValue, { kind: 'named' }>): AnswerValue {
  const parts = [...value.parts.values()];
  return parts.length === 1 ? parts[0] : { kind: 'tuple', items: parts };
}

function asMembers(value: AnswerValue): AnswerValue[] | null {
  if (value.kind === 'set') return value.items;
  if (value.kind === 'tuple' && value.items.every((i) => i.kind === 'tuple')) return value.items;
  if (value.kind === 'expr' || value.kind === 'tuple' || value.kind === 'interval') return [value];
  if (value.kind === 'equation' && value.left.kind === 'sym' && unboundSymbols([value.right], EMPTY_SCOPE).length === 0)
    return [{ kind: 'expr', expr: value.right }];
  // `2x + 4 = 0` against `x = -2`, `x^2 = 4` against `x = 2 or x = -2`: the solutions
  const roots = value.kind === 'equation' ? solutionsOf(value) : null;
  if (roots) return roots.map((root) => ({ kind: 'expr', expr: num(root) }));
  return null;
}

function compareSets(expected: AnswerValue[], given: AnswerValue[], tolerance: Tolerance): Outcome {
  if (expected.length !== given.length) {
    const dedupe = (items: AnswerValue[]) =>
      items.filter((item, i) => !items.slice(0, i).some((o) => compareValues(o, item, tolerance).equal));
    const [a, b] = [dedupe(expected), dedupe(given)];
    if (a.length !== b.length)
      return {
        equal: false,
        method: 'cas',
        reason: `${given.length} values given where ${expected.length} were expected`,
      };
    return compareSets(a, b, tolerance);
  }
  const used = new Set<number>();
  let method: Outcome['method'] = 'cas';
  for (const item of expected) {
    const match = given.findIndex((g, i) => !used.has(i) && compareValues(item, g, tolerance).equal);
    if (match < 0) return { equal: false, method: 'cas', reason: 'the values given are not the values expected' };
    used.add(match);
    if (compareValues(item, given[match], tolerance).method === 'numeric') method = 'numeric';
  }
  return { equal: true, method };
}

function all(outcomes: Outcome[]): Outcome {
  const failed = outcomes.find((o) => !o.equal);
  if (failed) return failed;
  return { equal: true, method: outcomes.some((o) => o.method === 'numeric') ? 'numeric' : 'cas' };
}
