// Solution statements (`x = 0 or x = 2`, `x = 9, -4`, `x ∈ {0, 2}`): the values listed for one
// variable are collected across the items of a step and checked together against the condition
// they solve (condition-check.ts).
import { exprToString, unboundSymbols } from '../../libs/math/index.js';
import { usesTaintedValue } from './claim-outcome.js';
import { checkSolutions } from './condition-check.js';
import type { MathItem } from './step-reader.js';
import type { StepState } from './step-state.js';
import { tryValue } from './step-values.js';
import type { StudentContext } from './student-context.js';

export function isSolutionItem(item: MathItem, context: StudentContext, state: StepState): boolean {
  const [head, value] = item.parts;
  return (
    item.parts.length === 2 &&
    head.kind === 'sym' &&
    head.name === state.solutions?.variable &&
    !context.vars.has(head.name) &&
    unboundSymbols([value], context.scope()).length === 0
  );
}

/** `x = 9, -4`: a bare value listed right after a solution is another solution. */
export function joinsSolutionList(item: MathItem, context: StudentContext, state: StepState): boolean {
  const pending = state.solutions!;
  if (item.parts.length !== 1 || !/^\s*(?:,|or|和|或)?\s*$/.test(item.before)) return false;
  const value = tryValue(item.parts[0], context, state);
  if (value === null) return false;
  pending.values.push(value);
  pending.texts.push(`${pending.variable} = ${exprToString(item.parts[0])}`);
  pending.tainted ||= usesTaintedValue(item.parts, context, state.taintedBindings);
  return true;
}

export function flushSolutions(state: StepState, context: StudentContext): void {
  const pending = state.solutions;
  state.solutions = null;
  if (!pending) return;
  state.solutionText = pending.texts.join(' or ');
  const outcome = checkSolutions(pending.variable, pending.values, context, pending.tainted);
  const tainted = outcome ? outcome.tainted || outcome.holds === false : pending.tainted;
  for (const v of pending.values) context.addValue(v, tainted);
  if (outcome) state.claims.push(outcome);
  context.statedSolutions.set(pending.variable, [
    ...(context.statedSolutions.get(pending.variable) ?? []),
    ...pending.values,
  ]);
}
