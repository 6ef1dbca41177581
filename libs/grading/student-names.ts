// Names the student gave values to (`a = 15`, `y = 0`) and what happens when they are written again.
import type { Expr } from '../../libs/math/index.js';
import { nearlyEqual, unboundSymbols } from '../../libs/math/index.js';
import type { StudentContext } from './student-context.js';

/**
 * A name the student gave a value, written again as `y = 4(x + 7)(2 - x)` (now an expression) or
 * `a = 13` (a bare number: another case being considered), is reassigned, not contradicted: the
 * old value no longer holds and nothing was computed that could be wrong.
 */
export function restatesStudentName(
  name: string,
  value: Expr,
  context: StudentContext,
  bindings: ReadonlyMap<string, number>,
): boolean {
  if (!context.vars.has(name) || !context.studentNames.has(name) || bindings.has(name)) return false;
  const scope = context.scope(bindings);
  if (unboundSymbols([value], scope).length > 0) {
    context.vars.delete(name);
    context.taintedNames.delete(name);
    return false;
  }
  const literal = value.kind === 'num' || (value.kind === 'neg' && value.arg.kind === 'num');
  if (!literal) return false;
  const number = value.kind === 'num' ? value.value : -(value as { arg: { value: number } }).arg.value;
  if (nearlyEqual(number, context.vars.get(name)!)) return false;
  context.vars.set(name, number);
  context.taintedNames.delete(name);
  return true;
}
