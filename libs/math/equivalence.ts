// Algebraic equivalence of two expressions: identical text or equal values when nothing is free;
// otherwise an exact identity test over prime fields (rational expressions, any exponent), then
// evaluation at random points seeded from the inputs, skipping points where either side is
// undefined, overflows or underflows, and failing (never passing) when too few points are defined.
import type { Expr } from './expr.js';
import { exprToString, freeSymbols } from './expr.js';
import type { Scope } from './evaluate.js';
import { evaluate, UnknownNameError } from './evaluate.js';
import type { ExactOptions } from './exact-identity.js';
import { exactIdentity } from './exact-identity.js';
import { CONSTANTS } from './known-names.js';
import { MathLimitError } from './limits.js';
import { nearlyEqual } from './numeric-compare.js';
import { roundingScale, sampleValuesAgree } from './rounding-scale.js';
import { hashString, seededRandom } from './seeded-random.js';

export type Equivalence =
  | { verdict: 'equal'; method: 'cas' | 'numeric' }
  | { verdict: 'different'; method: 'cas' | 'numeric'; at?: Record<string, number>; left: number; right: number }
  | { verdict: 'unknown'; reason: string };

const MAX_ATTEMPTS = 40;
const MIN_DEFINED_POINTS = 4;
const SAMPLE_TOLERANCE = 1e-7;
const RANGES = [3, 1, 8, 2];

/** Symbols that are neither bound in the scope nor known constants: the identity's variables. */
export function unboundSymbols(exprs: readonly Expr[], scope: Scope): string[] {
  const names = new Set<string>();
  for (const e of exprs) freeSymbols(e, names);
  return [...names].filter((n) => !scope.vars.has(n) && !Object.hasOwn(CONSTANTS, n)).sort();
}

export function compareExpressions(left: Expr, right: Expr, scope: Scope, options: ExactOptions = {}): Equivalence {
  const leftText = exprToString(left);
  const rightText = exprToString(right);
  if (leftText === rightText) return { verdict: 'equal', method: 'cas' };
  const variables = unboundSymbols([left, right], scope).filter((n) => !(options.imaginaryUnit && n === 'i'));
  try {
    if (variables.length === 0) return compareConstants(left, right, scope, options);
    const exact = exactIdentity(left, right, variables, scope, options);
    if (exact === 'equal') return { verdict: 'equal', method: 'cas' };
    if (exact === 'different') return { verdict: 'different', method: 'cas', left: NaN, right: NaN };
    return compareAtPoints(left, right, scope, variables, `${leftText}\u0000${rightText}`);
  } catch (error) {
    if (error instanceof MathLimitError || error instanceof UnknownNameError)
      return { verdict: 'unknown', reason: error.message };
    throw error;
  }
}

/** Constants compare by value; a value too large for doubles (`2^5000 - 2^5000`) is compared exactly. */
function compareConstants(left: Expr, right: Expr, scope: Scope, options: ExactOptions): Equivalence {
  let a: number;
  let b: number;
  try {
    a = evaluate(left, scope);
    b = evaluate(right, scope);
  } catch (error) {
    if (!(error instanceof MathLimitError)) throw error;
    const exact = exactIdentity(left, right, [], scope, options);
    if (exact === 'equal') return { verdict: 'equal', method: 'cas' };
    if (exact === 'different') return { verdict: 'different', method: 'cas', left: NaN, right: NaN };
    throw error;
  }
  if (Number.isNaN(a) || Number.isNaN(b)) return { verdict: 'unknown', reason: 'a value is undefined' };
  return nearlyEqual(a, b)
    ? { verdict: 'equal', method: 'cas' }
    : { verdict: 'different', method: 'cas', left: a, right: b };
}

function compareAtPoints(left: Expr, right: Expr, scope: Scope, variables: string[], seedText: string): Equivalence {
  const random = seededRandom(hashString(seedText));
  let defined = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && defined < MIN_DEFINED_POINTS + 2; attempt++) {
    const vars = new Map(scope.vars);
    const range = RANGES[attempt % RANGES.length];
    for (const name of variables) vars.set(name, (random() * 2 - 1) * range);
    const pointScope: Scope = { ...scope, vars };
    let a: number;
    let b: number;
    let agree: boolean;
    try {
      a = evaluate(left, pointScope);
      b = evaluate(right, pointScope);
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      const scales = (): [number, number] => [roundingScale(left, pointScope), roundingScale(right, pointScope)];
      agree = sampleValuesAgree(a, b, SAMPLE_TOLERANCE, scales);
    } catch (error) {
      if (error instanceof MathLimitError) continue;
      throw error;
    }
    defined++;
    if (!agree) {
      const at = Object.fromEntries(variables.map((n) => [n, vars.get(n)!]));
      return { verdict: 'different', method: 'numeric', at, left: a, right: b };
    }
  }
  if (defined < MIN_DEFINED_POINTS) return { verdict: 'unknown', reason: `only ${defined} sample points were defined` };
  return { verdict: 'equal', method: 'numeric' };
}
