// Cases of one condition (`x - 2 = 0 or x - 3 = 0` after `(x - 2)(x - 3) = 0`, `x - 1 = 3 or
// x - 1 = -3` for `|x - 1| = 3`): equations in one variable joined by `or` (or a comma) are one
// condition whose solutions are the union of theirs. It is compared with the condition before it
// by solution set, like any condition (condition-check.ts), and the next step's `x = 2 or x = 3`
// solves the whole of it, not its last case.
import type { Expr } from '../../libs/math/index.js';
import {
  calledFunctions,
  exprToString,
  KNOWN_NAMES,
  sameRoots,
  solveEquation,
  unboundSymbols,
} from '../../libs/math/index.js';
import { usesTaintedValue } from './claim-outcome.js';
import { describeChange, describeRoots, referenceCondition } from './condition-check.js';
import type { MathItem } from './math-item.js';
import type { StepState } from './step-state.js';
import type { StudentContext } from './student-context.js';

/** What joins one case to the next: `or`, a comma, `或`, nothing. */
const CASE_JOIN = /^\s*(?:,|or|或|或者)?\s*$/;

interface Case {
  item: MathItem;
  roots: number[];
}

/**
 * The cases starting at `at`: two or more equations in the same single unknown, joined by `or` or
 * a comma, none of them a solution statement (`x = 2`); empty when there is no such run.
 */
export function conditionCasesAt(
  items: readonly MathItem[],
  at: number,
  context: StudentContext,
  state: StepState,
): { variable: string; cases: Case[] } | null {
  const next = items[at + 1];
  if (!next || items[at].parts.length !== 2 || next.parts.length !== 2 || !CASE_JOIN.test(next.before)) return null;
  const scope = context.scope(state.bindings);
  // by shape first (cheap), so a lone equation is never solved here
  const run: MathItem[] = [];
  let variable: string | null = null;
  for (let k = at; k < items.length; k++) {
    const item = items[k];
    if (k > at && !CASE_JOIN.test(item.before)) break;
    const unknown = singleUnknown(item, scope);
    if (!unknown || (variable !== null && unknown !== variable)) break;
    variable = unknown;
    run.push(item);
  }
  if (variable === null || run.length < 2) return null;
  const vars = new Map(scope.vars);
  vars.delete(variable);
  const cases: Case[] = [];
  for (const item of run) {
    const solved = solveEquation(item.parts[0], item.parts[1], variable, { ...scope, vars });
    if (solved.kind !== 'finite') break;
    cases.push({ item, roots: solved.roots });
  }
  return cases.length >= 2 ? { variable, cases } : null;
}

/** The one unknown of `a = b` when neither side is the unknown alone beside a value. */
function singleUnknown(item: MathItem, scope: ReturnType<StudentContext['scope']>): string | null {
  if (item.parts.length !== 2 || item.rels[0] !== '=') return null;
  const [left, right] = item.parts;
  // only plain equations: a sum, a derivative or an unknown function has its own checker
  const calls = [...calledFunctions(left), ...calledFunctions(right)];
  if (calls.some((name) => !KNOWN_NAMES.has(name) && !scope.functions.has(name))) return null;
  const free = unboundSymbols([left, right], scope);
  if (free.length !== 1) return null;
  const statesValue = (side: Expr, other: Expr) => side.kind === 'sym' && unboundSymbols([other], scope).length === 0;
  return statesValue(left, right) || statesValue(right, left) ? null : free[0];
}

/** Checks the cases as one condition and makes their union the condition that follows. */
export function checkConditionCases(
  variable: string,
  cases: readonly Case[],
  context: StudentContext,
  state: StepState,
): void {
  const roots: number[] = [];
  for (const { roots: own } of cases)
    for (const root of own) if (!roots.some((r) => Math.abs(r - root) < 1e-9)) roots.push(root);
  const text = cases.map(({ item }) => `${exprToString(item.parts[0])} = ${exprToString(item.parts[1])}`).join(' or ');
  const reference = referenceCondition(variable, context);
  const tainted =
    cases.some(({ item }) => usesTaintedValue(item.parts, context, state.taintedBindings)) ||
    Boolean(reference?.tainted);
  const [first] = cases;
  context.condition = { left: first.item.parts[0], right: first.item.parts[1], variable, roots, tainted, text };
  if (!reference) return;
  if (sameRoots(reference.roots, roots)) {
    state.claims.push({
      holds: true,
      tainted,
      reason: `${text} has the same solutions as ${reference.text} (${describeRoots(variable, roots)})`,
      method: 'cas',
    });
    return;
  }
  context.condition.tainted = true;
  state.claims.push({
    holds: false,
    tainted: true,
    reason: describeChange(variable, reference, roots, text),
    method: 'cas',
  });
}
