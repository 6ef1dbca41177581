// Small shared readings of a step's expressions: the value of an expression in the step's
// context, the reader's notes for part of a chain, whether a part is a number as written.
import type { Expr } from '../../libs/math/index.js';
import { evaluate } from '../../libs/math/index.js';
import type { ChainNotes } from './arithmetic-check.js';
import { rethrowUnlessMathLimit } from './math-errors.js';
import type { MathItem } from './step-reader.js';
import type { StepState } from './step-state.js';
import type { StudentContext } from './student-context.js';

export function tryValue(expr: Expr, context: StudentContext, state: Pick<StepState, 'bindings'>): number | null {
  try {
    const value = evaluate(expr, context.scope(state.bindings));
    return Number.isFinite(value) ? value : null;
  } catch (error) {
    // not a value here (free variables, unknown names): the caller treats it as an expression
    rethrowUnlessMathLimit(error);
    return null;
  }
}

/** The reader's notes for the chain from part `from` on. */
export function sliceNotes(item: MathItem, from: number): ChainNotes {
  return {
    units: item.units.slice(from),
    literalUnits: item.literalUnits.slice(from),
    after: item.after,
    before: item.before,
  };
}

export function isNumberLiteral(expr: Expr): boolean {
  return expr.kind === 'num' || (expr.kind === 'neg' && expr.arg.kind === 'num');
}
