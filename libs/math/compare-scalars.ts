// Comparing two expressions read from answers: derivatives and sums written out first, complex
// numbers and matrices through mathjs, constants by value at the policy's tolerance, expressions
// with variables exactly (prime fields) or at sample points; `≈` values at the places written and
// a lone percentage in both readings.
import type { AnswerValue } from './answer-value.js';
import { casCompare, needsCas } from './cas-compare.js';
import { onCasClock } from './cas-clock.js';
import { expandDerivatives, hasDerivative } from './calculus.js';
import type { Expr } from './expr.js';
import { EMPTY_SCOPE, evaluate } from './evaluate.js';
import { compareExpressions, unboundSymbols } from './equivalence.js';
import { exactIdentity } from './exact-identity.js';
import { MathLimitError } from './limits.js';
import { isMathLimit } from './math-errors.js';
import { withinTolerance } from './numeric-compare.js';

export interface Tolerance {
  relative: number;
  roundedTo: number | null;
}

export type Outcome = { equal: boolean; method: 'cas' | 'numeric' | 'none'; reason?: string };

/** A value written after `≈` as a decimal: the places it was rounded to. */
export function approximateDecimals(value: Extract<AnswerValue, { kind: 'expr' }>): number | null {
  if (!value.approximate) return null;
  const literal = value.expr.kind === 'neg' ? value.expr.arg : value.expr;
  return literal.kind === 'num' ? (literal.decimals ?? 0) : null;
}

/**
 * `10%` against `10` or `0.1`: when only one side is a percentage, both readings of it (the
 * fraction and the number of percent) are tried, as graders of percentage answers do.
 */
export function percentReadings(expected: Expr, given: Expr): [Expr, Expr][] | null {
  if ((expected.kind === 'pct') === (given.kind === 'pct')) return null;
  if (expected.kind === 'pct')
    return [
      [expected, given],
      [expected.arg, given],
    ];
  if (given.kind === 'pct')
    return [
      [expected, given],
      [expected, given.arg],
    ];
  return null;
}

export function anyOf(outcomes: Outcome[]): Outcome {
  return outcomes.find((o) => o.equal) ?? outcomes.find((o) => o.method !== 'none') ?? outcomes[0];
}

export function compareScalars(expected: Expr, given: Expr, tolerance: Tolerance): Outcome {
  if (hasDerivative(expected) || hasDerivative(given)) {
    try {
      return compareScalars(expandDerivatives(expected), expandDerivatives(given), tolerance);
    } catch (error) {
      if (error instanceof MathLimitError) return { equal: false, method: 'none', reason: error.message };
      throw error;
    }
  }
  if (needsCas(expected) || needsCas(given)) return compareWithCas(expected, given, tolerance);
  const variables = unboundSymbols([expected, given], EMPTY_SCOPE);
  if (variables.length === 0) {
    let a: number;
    let b: number;
    try {
      a = evaluate(expected, EMPTY_SCOPE);
      b = evaluate(given, EMPTY_SCOPE);
    } catch (error) {
      if (!isMathLimit(error)) throw error;
      return { equal: false, method: 'none', reason: `refused: ${error.message}` };
    }
    // `\\sqrt{-4}`, `\\ln(-1)`: undefined over the reals, a complex number to mathjs
    if (Number.isNaN(a) || Number.isNaN(b)) return compareWithCas(expected, given, tolerance);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return { equal: a === b, method: 'cas' };
    // two numbers as written (`1e-14` against `0`) carry no rounding noise: only their own size counts
    if (isWrittenNumber(expected) && isWrittenNumber(given) && tolerance.roundedTo === null)
      return { equal: Math.abs(a - b) <= tolerance.relative * Math.max(Math.abs(a), Math.abs(b)), method: 'cas' };
    return { equal: withinTolerance(a, b, tolerance.relative, tolerance.roundedTo), method: 'cas' };
  }
  const result = compareExpressions(expected, given, EMPTY_SCOPE);
  if (result.verdict === 'unknown') return { equal: false, method: 'none', reason: result.reason };
  return { equal: result.verdict === 'equal', method: result.method };
}

function isWrittenNumber(expr: Expr): boolean {
  return expr.kind === 'num' || (expr.kind === 'neg' && expr.arg.kind === 'num');
}

/** Complex numbers and matrices: exactly when the expressions are rational in `i`, else by mathjs. */
function compareWithCas(expected: Expr, given: Expr, tolerance: Tolerance): Outcome {
  const variables = unboundSymbols([expected, given], EMPTY_SCOPE).filter((n) => n !== 'i');
  const exact = exactIdentity(expected, given, variables, EMPTY_SCOPE, { imaginaryUnit: true });
  if (exact === 'equal') return { equal: true, method: 'cas' };
  const result = onCasClock(() => casCompare(expected, given, tolerance.relative));
  if (result.verdict === 'unknown') return { equal: false, method: 'none', reason: result.reason };
  return { equal: result.verdict === 'equal', method: variables.length ? 'numeric' : 'cas' };
}
