// Calculus operators written in an answer (`\frac{d}{dx}(x^3)`, `d/dx`): replaced by what they
// stand for before the answer is compared, using mathjs's symbolic derivative.
import type { Expr } from './expr.js';
import { DERIVATIVE_OPERATOR } from './expr-parser.js';
import { MathLimitError } from './limits.js';
import { derivativeOf } from './safe-mathjs.js';

/** mathjs's refusal of a function it cannot differentiate: unsupported input, not a bug. */
const UNSUPPORTED = /not supported by derivative|Undefined (?:function|symbol)|Cannot|Unexpected type/i;

export function expandDerivatives(expr: Expr): Expr {
  switch (expr.kind) {
    case 'call': {
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
      return DERIVATIVE_OPERATOR.test(expr.name) || expr.args.some(hasDerivative);
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
