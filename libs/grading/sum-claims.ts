// A sum written with its operator (`\sum_{k=1}^{10} k = 55`): written out term by term (integer
// bounds, at most a thousand terms: libs/math's calculus), evaluated, and each side after `=` must
// have its value. A sum the CAS does not write out (symbolic bounds) is left undecided, with why.
import type { Expr } from '../../libs/math/index.js';
import {
  evaluate,
  expandDerivatives,
  exprToString,
  formatNumber,
  isMathLimit,
  SUM_OPERATOR,
} from '../../libs/math/index.js';
import { linkHolds } from './arithmetic-check.js';
import { usesTaintedValue } from './claim-outcome.js';
import type { MathItem } from './math-item.js';
import type { StepState } from './step-state.js';
import type { StudentContext } from './student-context.js';

export function checkSum(item: MathItem, context: StudentContext, state: StepState): void {
  const [sum, ...claimed] = item.parts;
  const scope = context.scope(state.bindings);
  const tainted = usesTaintedValue(item.parts, context, state.taintedBindings);
  const written = sumText(sum);
  let total: number;
  let values: number[];
  try {
    total = evaluate(expandDerivatives(sum), scope);
    values = claimed.map((part) => evaluate(part, scope));
  } catch (error) {
    if (!isMathLimit(error)) throw error;
    state.claims.push({ holds: null, tainted, reason: `${written}: ${error.message}`, method: 'cas' });
    return;
  }
  const wrong = claimed.findIndex((part, k) => !linkHolds(sum, part, total, values[k], item.rels[k] === '~='));
  if (wrong >= 0) {
    state.claims.push({
      holds: false,
      tainted,
      reason: `${written} = ${formatNumber(total)}, not ${exprToString(claimed[wrong])}`,
      method: 'cas',
    });
    context.addValue(values[values.length - 1], true);
    state.lastValue = { value: values[values.length - 1], tainted: true };
    return;
  }
  state.claims.push({ holds: true, tainted, reason: `${written} = ${formatNumber(total)} holds`, method: 'cas' });
  context.addValue(total, tainted);
  state.lastValue = { value: total, tainted };
}

/** `summation_k(1, 10, k^2)` as written: `sum_{k=1}^{10} k^2`. */
function sumText(sum: Expr): string {
  const match = sum.kind === 'call' ? SUM_OPERATOR.exec(sum.name) : null;
  if (!match || sum.kind !== 'call' || sum.args.length !== 3) return exprToString(sum);
  const [from, to, term] = sum.args.map(exprToString);
  return `sum_{${match[1]}=${from}}^{${to}} ${term}`;
}
