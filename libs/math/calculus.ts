// Calculus operators written in an answer (`\frac{d}{dx}(x^3)`, `d/dx`, `\sum_{k=1}^{10} k^2`):
// replaced by what they stand for before the answer is compared, using mathjs's symbolic
// derivative and, for sums with integer bounds (at most 1,000 terms), the terms written out.
import type { Expr } from './expr.js';
import { DERIVATIVE_OPERATOR, SUM_OPERATOR } from './expr-parser.js';
import { EMPTY_SCOPE, evaluate, UnknownNameError } from './evaluate.js';
import { calledFunctions, num } from './expr.js';
import { MathLimitError } from './limits.js';
import { derivativeOf } from './safe-mathjs.js';

/** mathjs's refusal of a function it cannot differentiate: unsupported input, not a bug. */
const UNSUPPORTED = /not supported by derivative|Undefined (?:function|symbol)|Cannot|Unexpected type/i;

export function expandDerivatives(expr: Expr): Expr {
  switch (expr.kind) {
    case 'call': {
      // checked before the summand is expanded: a sum of sums would grow a thousandfold per level
      if (SUM_OPERATOR.test(expr.name)) return expandSum(SUM_OPERATOR.exec(expr.name)![1], expr.args);
      const args = expr.args.map(expandDerivatives);
      const operator = DERIVATIVE_OPERATOR.exec(expr.name);
      if (!operator) return { ...expr, args };
      if (args.length !== 1) throw new MathLimitError('a derivative takes one expression');
      let result = args[0];
      for (let k = 0; k < Number(operator[2] || 1); k++) result = differentiate(result, operator[1]);
      return result;
    }
    case 'bin':
      return { ...expr, left: expandDerivatives(expr.left), right: expandDerivatives(expr.right) };
    case 'neg':
    case 'fact':
    case 'pct':
      return { ...expr, arg: expandDerivatives(expr.arg) };
    case 'list':
      return { ...expr, items: expr.items.map(expandDerivatives) };
    default:
      return expr;
  }
}

export function hasDerivative(expr: Expr): boolean {
  switch (expr.kind) {
    case 'call':
      return DERIVATIVE_OPERATOR.test(expr.name) || SUM_OPERATOR.test(expr.name) || expr.args.some(hasDerivative);
    case 'bin':
      return hasDerivative(expr.left) || hasDerivative(expr.right);
    case 'neg':
    case 'fact':
    case 'pct':
      return hasDerivative(expr.arg);
    case 'list':
      return expr.items.some(hasDerivative);
    default:
      return false;
  }
}

function differentiate(expr: Expr, variable: string): Expr {
  try {
    return derivativeOf(expr, variable);
  } catch (error) {
    if (error instanceof Error && !(error instanceof MathLimitError) && UNSUPPORTED.test(error.message))
      throw new MathLimitError(`the CAS cannot differentiate this: ${error.message.slice(0, 60)}`);
    throw error;
  }
}

const MAX_TERMS = 1_000;
const MAX_NODES = 20_000;

function size(expr: Expr): number {
  switch (expr.kind) {
    case 'bin':
      return 1 + size(expr.left) + size(expr.right);
    case 'neg':
    case 'fact':
    case 'pct':
      return 1 + size(expr.arg);
    case 'call':
      return 1 + expr.args.reduce((n, a) => n + size(a), 0);
    case 'list':
      return 1 + expr.items.reduce((n, a) => n + size(a), 0);
    default:
      return 1;
  }
}

function expandSum(index: string, [lower, upper, summand]: Expr[]): Expr {
  let from: number;
  let to: number;
  try {
    [from, to] = [evaluate(lower, EMPTY_SCOPE), evaluate(upper, EMPTY_SCOPE)];
  } catch (error) {
    if (error instanceof UnknownNameError) throw new MathLimitError('a sum with symbolic bounds is not written out');
    throw error;
  }
  if (!Number.isInteger(from) || !Number.isInteger(to))
    throw new MathLimitError('only sums with integer bounds are written out');
  if (to - from + 1 > MAX_TERMS) throw new MathLimitError(`a sum of more than ${MAX_TERMS} terms`);
  // a sum of integrals or of sums would multiply the work by a thousand per level
  if ([...calledFunctions(summand)].some((n) => n.startsWith('integral_') || SUM_OPERATOR.test(n)))
    throw new MathLimitError('sums of integrals or of sums are not written out');
  if ((to - from + 1) * size(summand) > MAX_NODES) throw new MathLimitError('a sum too large to write out');
  const body = expandDerivatives(summand);
  let total: Expr = num(0);
  for (let k = from; k <= to; k++) total = { kind: 'bin', op: '+', left: total, right: substitute(body, index, k) };
  return total;
}

function substitute(expr: Expr, name: string, value: number): Expr {
  switch (expr.kind) {
    case 'sym':
      return expr.name === name ? { kind: 'bin', op: '+', left: num(0), right: num(value) } : expr;
    case 'bin':
      return { ...expr, left: substitute(expr.left, name, value), right: substitute(expr.right, name, value) };
    case 'neg':
    case 'fact':
    case 'pct':
      return { ...expr, arg: substitute(expr.arg, name, value) };
    case 'call':
      return { ...expr, args: expr.args.map((a) => substitute(a, name, value)) };
    case 'list':
      return { ...expr, items: expr.items.map((a) => substitute(a, name, value)) };
    default:
      return expr;
  }
}
