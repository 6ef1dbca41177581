// Compares two expressions that need mathjs's value types (complex numbers, matrices): by value
// when nothing is free, otherwise at real sample points seeded from the inputs, entry by entry.
// Fails (never passes) when too few points are defined.
import type { Complex, Matrix } from 'mathjs';
import type { CasValue } from './cas-evaluate.js';
import { CAS_FUNCTIONS, casEvaluate } from './cas-evaluate.js';
import type { Expr } from './expr.js';
import { calledFunctions, exprToString, freeSymbols } from './expr.js';
import { MathLimitError } from './limits.js';
import { restrictedMath as math } from './safe-mathjs.js';
import { hashString, seededRandom } from './seeded-random.js';

export type CasComparison = { verdict: 'equal' | 'different' } | { verdict: 'unknown'; reason: string };

const SAMPLE_TOLERANCE = 1e-7;

/** True when an expression uses the imaginary unit or a matrix, so only mathjs can evaluate it. */
export function needsCas(expr: Expr): boolean {
  if (freeSymbols(expr).has('i') || hasVectorArithmetic(expr)) return true;
  return [...calledFunctions(expr)].some((name) => CAS_FUNCTIONS.has(name));
}

/** `[1, 2] + [3, 4]`, `3(1, 2)`: a list inside arithmetic is a vector. */
function hasVectorArithmetic(expr: Expr, inside = false): boolean {
  switch (expr.kind) {
    case 'list':
      return inside || expr.items.some((item) => hasVectorArithmetic(item, true));
    case 'bin':
      return hasVectorArithmetic(expr.left, true) || hasVectorArithmetic(expr.right, true);
    case 'neg':
      return hasVectorArithmetic(expr.arg, true);
    case 'call':
      return expr.args.some((a) => hasVectorArithmetic(a, inside));
    default:
      return false;
  }
}

function entries(value: CasValue): Complex[] | null {
  if (typeof value === 'number') return Number.isNaN(value) ? null : [math.complex(value, 0)];
  if (math.isComplex(value)) return [value];
  const flat = (value as Matrix).toArray().flat(2) as (number | Complex)[];
  return flat.map((v) => (typeof v === 'number' ? math.complex(v, 0) : v));
}

function shape(value: CasValue): string {
  return math.isMatrix(value) ? (value as Matrix).size().join('x') : 'scalar';
}

/** Same shape and every entry within the tolerance (relative above 1, absolute below). */
export function casValuesAgree(a: CasValue, b: CasValue, tolerance: number): boolean | null {
  const [ea, eb] = [entries(a), entries(b)];
  if (!ea || !eb) return null;
  if (shape(a) !== shape(b)) {
    // a row or column vector against the same entries written as a vector of the other kind
    const isVector = (v: CasValue) => math.isMatrix(v) && (v.size().length === 1 || v.size().some((n) => n === 1));
    const vectors = isVector(a) && isVector(b);
    if (!vectors || !math.isMatrix(a) || !math.isMatrix(b)) return false;
  }
  if (ea.length !== eb.length) return false;
  return ea.every((x, k) => {
    const y = eb[k];
    if (![x.re, x.im, y.re, y.im].every(Number.isFinite)) return false;
    const scale = Math.max(1, Math.hypot(x.re, x.im), Math.hypot(y.re, y.im));
    return Math.hypot(x.re - y.re, x.im - y.im) <= tolerance * scale;
  });
}

export function casCompare(expected: Expr, given: Expr, tolerance: number): CasComparison {
  const variables = [...new Set([...freeSymbols(expected), ...freeSymbols(given)])]
    .filter((n) => n !== 'i' && !['pi', 'e', 'T', 'H'].includes(n))
    .sort();
  try {
    if (variables.length === 0) {
      const agree = casValuesAgree(casEvaluate(expected, new Map()), casEvaluate(given, new Map()), tolerance);
      if (agree === null) return { verdict: 'unknown', reason: 'a value is undefined' };
      return { verdict: agree ? 'equal' : 'different' };
    }
    return atPoints(expected, given, variables);
  } catch (error) {
    if (error instanceof MathLimitError) return { verdict: 'unknown', reason: error.message };
    throw error;
  }
}

function atPoints(expected: Expr, given: Expr, variables: string[]): CasComparison {
  const random = seededRandom(hashString(`${exprToString(expected)}\u0000${exprToString(given)}`));
  let defined = 0;
  for (let attempt = 0; attempt < 24 && defined < 6; attempt++) {
    const vars = new Map<string, CasValue>(variables.map((n) => [n, (random() * 2 - 1) * 3]));
    let agree: boolean | null;
    try {
      agree = casValuesAgree(casEvaluate(expected, vars), casEvaluate(given, vars), SAMPLE_TOLERANCE);
    } catch (error) {
      if (error instanceof MathLimitError) continue;
      throw error;
    }
    if (agree === null) continue;
    if (!agree) return { verdict: 'different' };
    defined++;
  }
  return defined >= 4
    ? { verdict: 'equal' }
    : { verdict: 'unknown', reason: `only ${defined} sample points were defined` };
}
