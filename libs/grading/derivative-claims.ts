// A derivative taken with its operator (`\frac{d}{dx}(x^3) = 3x^2`, `d/dx (2x) = 2`): the claim
// is that the expression after `=` is the derivative. mathjs takes the derivative (unsimplified),
// and the two sides are compared as expressions, for every value of the variable.
import type { Expr } from '../../libs/math/index.js';
import {
  compareExpressions,
  DERIVATIVE_OPERATOR,
  expandDerivatives,
  exprToString,
  isMathLimit,
} from '../../libs/math/index.js';
import { usesTaintedValue } from './claim-outcome.js';
import { displayExpr } from './display-expr.js';
import type { MathItem } from './math-item.js';
import type { StepState } from './step-state.js';
import type { StudentContext } from './student-context.js';

export function checkDerivative(item: MathItem, context: StudentContext, state: StepState): void {
  const [operator, ...claimed] = item.parts;
  const scope = context.scope(state.bindings);
  const tainted = usesTaintedValue(item.parts, context, state.taintedBindings);
  const written = operatorText(operator);
  const derivative = derivativeIn(operator);
  if (derivative === null) {
    state.claims.push({ holds: null, tainted, reason: `the CAS cannot take ${written}`, method: 'cas' });
    return;
  }
  for (const part of claimed) {
    const compared = compareExpressions(derivative, part, scope);
    if (compared.verdict === 'unknown') {
      state.claims.push({ holds: null, tainted, reason: compared.reason, method: 'numeric' });
      return;
    }
    if (compared.verdict === 'different') {
      const shown = displayExpr(derivative, scope);
      state.claims.push({
        holds: false,
        tainted,
        reason: `${written} is ${shown}, not ${displayExpr(part, scope)}`,
        method: 'numeric',
      });
      return;
    }
  }
  const last = claimed[claimed.length - 1];
  state.claims.push({ holds: true, tainted, reason: `${written} = ${exprToString(last)} holds`, method: 'numeric' });
}

/** The derivative the operator stands for, or null where the CAS cannot take it. */
function derivativeIn(operator: Expr): Expr | null {
  try {
    return expandDerivatives(operator);
  } catch (error) {
    if (!isMathLimit(error)) throw error;
    return null;
  }
}

/** `deriv_x(x^3)` as a teacher writes it: `d/dx (x^3)`, `d^2/dx^2 (x^3)`. */
function operatorText(operator: Expr): string {
  const match = operator.kind === 'call' ? DERIVATIVE_OPERATOR.exec(operator.name) : null;
  if (!match || operator.kind !== 'call') return exprToString(operator);
  const [, variable, order] = match;
  const d = order ? `d^${order}/d${variable}^${order}` : `d/d${variable}`;
  return `${d} (${operator.args.map(exprToString).join(', ')})`;
}
