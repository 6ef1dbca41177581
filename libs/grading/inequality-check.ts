// Inequality chains between values (`\\sqrt[3]{4} + \\sqrt[3]{2} + 1 < 1.3 + 1.6 + 1 = 3.9 < 4`): the
// order relations are checked when every part has a value; an equality inside the chain is
// arithmetic like any other and can be wrong, while an order relation that fails as read is left
// undecided (it may be a rounding estimate).
import { evaluate, exprToString, formatNumber, nearlyEqual, unboundSymbols } from '../../libs/math/index.js';
import { linkHolds } from './arithmetic-check.js';
import { usesTaintedValue } from './claim-outcome.js';
import type { MathItem } from './step-reader.js';
import type { StepState } from './step-state.js';
import type { StudentContext } from './student-context.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

export function checkInequality(item: MathItem, context: StudentContext, state: StepState): void {
  const scope = context.scope(state.bindings);
  if (unboundSymbols(item.parts, scope).length > 0) return;
  try {
    const values = item.parts.map((p) => evaluate(p, scope));
    const ok = item.rels.every((rel, k) => {
      const [a, b] = [values[k], values[k + 1]];
      switch (rel) {
        case '<':
          return a < b;
        case '>':
          return a > b;
        case '<=':
          return a <= b || nearlyEqual(a, b);
        case '>=':
          return a >= b || nearlyEqual(a, b);
        case '!=':
          return !nearlyEqual(a, b);
        default:
          return true;
      }
    });
    // `… < 1.3 + 1.6 + 1 = 8.9 < 4`: an equality inside an inequality chain is arithmetic like any other
    const wrongLink = item.rels.findIndex(
      (rel, k) =>
        rel === '=' &&
        Number.isFinite(values[k]) &&
        Number.isFinite(values[k + 1]) &&
        !linkHolds(item.parts[k], item.parts[k + 1], values[k], values[k + 1], false),
    );
    if (wrongLink >= 0) {
      state.claims.push({
        holds: false,
        tainted: usesTaintedValue(item.parts, context, state.taintedBindings),
        reason: `${exprToString(item.parts[wrongLink])} = ${formatNumber(values[wrongLink])}, not ${exprToString(item.parts[wrongLink + 1])}`,
        method: 'cas',
      });
      return;
    }
    if (values.every(Number.isFinite))
      state.claims.push({
        holds: ok ? true : null,
        tainted: false,
        reason: ok ? 'the inequality holds' : 'the inequality does not hold as read',
        method: 'cas',
      });
  } catch (error) {
    // an inequality we cannot evaluate is not a claim we can check
    rethrowUnlessMathLimit(error);
  }
}
