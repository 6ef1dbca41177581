// Equations in free variables: identities (`3x(x - 2) = 3x^2 - 6x`), conditions compared with the
// condition before them by solution set (`3x^2 - 6x = 0`), worked-out equations (`2x = 45 + 5 = 50`)
// and a student's function written differently from the known one.
import type { Expr } from '../../libs/math/index.js';
import {
  compareExpressions,
  exprToString,
  formatNumber,
  solveEquation,
  unboundSymbols,
} from '../../libs/math/index.js';
import { checkValueChain } from './arithmetic-check.js';
import { usesTaintedValue } from './claim-outcome.js';
import { checkCondition } from './condition-check.js';
import { displayExpr } from './display-expr.js';
import type { MathItem } from './step-reader.js';
import type { StepState } from './step-state.js';
import { sliceNotes } from './step-values.js';
import type { StudentContext } from './student-context.js';
import { checkChainLinks, linkClaims } from './symbolic-chain.js';

export function checkIdentities(parts: Expr[], context: StudentContext, state: StepState): boolean {
  const scope = context.scope(state.bindings);
  const tainted = usesTaintedValue(parts, context, state.taintedBindings);
  const links = checkChainLinks(
    parts,
    parts.slice(1).map(() => '='),
    scope,
  );
  if (links.kind === 'holds') {
    state.claims.push({
      holds: true,
      tainted,
      reason: `${parts.map(exprToString).join(' = ')} is an identity`,
      method: 'numeric',
    });
    return true;
  }
  state.claims.push(...linkClaims(links, tainted));
  return false;
}

export function checkSymbolic(item: MathItem, free: string[], context: StudentContext, state: StepState): void {
  const { parts } = item;
  const scope = context.scope(state.bindings);
  const head = parts[0];
  const tainted = usesTaintedValue(parts, context, state.taintedBindings);
  const results = parts.slice(1).map((p, k) => compareExpressions(parts[k], p, scope));
  if (results.some((r) => r.verdict === 'unknown')) {
    const unknown = results.find((r) => r.verdict === 'unknown') as { reason: string };
    state.claims.push({ holds: null, tainted, reason: unknown.reason, method: 'numeric' });
    return;
  }
  const firstDifferent = results.findIndex((r) => r.verdict === 'different');
  const definesFunction =
    head.kind === 'call' && head.args.length === 1 && head.args[0].kind === 'sym' && context.functions.has(head.name);
  if (firstDifferent < 0) {
    const written = parts.map(exprToString);
    state.claims.push({
      holds: true,
      tainted,
      reason: `${written.join(' = ')} holds for every ${free.join(', ')}`,
      method: 'numeric',
      // `x + 1 = x + 1`: the same expression written twice is a tautology, not work
      restates: written.every((w) => w === written[0]),
    });
    if (definesFunction) context.studentNames.add((head as { name: string }).name);
    return;
  }
  const last = parts[parts.length - 1];
  const lastIsConstant = unboundSymbols([last], scope).length === 0;
  if (parts.length > 2 && unboundSymbols(parts.slice(1), scope).length === 0) {
    checkWorkedOutEquation(item, free, tainted, context, state);
    return;
  }
  if (free.length === 1 && lastIsConstant && results.slice(0, -1).every((r) => r.verdict === 'equal')) {
    const outcome = checkCondition(parts[0], last, free[0], context, tainted);
    if (outcome) state.claims.push(outcome);
    return;
  }
  if (definesFunction && firstDifferent === 0) {
    const name = (head as { name: string }).name;
    const param = ((head as { args: Expr[] }).args[0] as { name: string }).name;
    state.claims.push({
      holds: false,
      tainted,
      reason: `${exprToString(head)} should be ${displayExpr(context.functions.get(name)!.body, scope)}, not ${displayExpr(parts[1], scope)}`,
      method: 'numeric',
    });
    context.defineFunction(name, { params: [param], body: last }, true, true);
    context.studentNames.add(name);
    return;
  }
  if (free.length === 1 && parts.length === 2) {
    const outcome = checkCondition(parts[0], parts[1], free[0], context, tainted);
    if (outcome) state.claims.push(outcome);
    return;
  }
  if (parts.length > 2) checkSymbolicChain(item, tainted, definesFunction, context, state);
}

/** `f(x) = 3x^2 - 6x = 3x(x - 2)`: each link an identity; a student's function takes the last form. */
function checkSymbolicChain(
  item: MathItem,
  tainted: boolean,
  definesFunction: boolean,
  context: StudentContext,
  state: StepState,
): void {
  const { parts } = item;
  const head = parts[0];
  const last = parts[parts.length - 1];
  const links = checkChainLinks(parts, item.rels, context.scope(state.bindings), sliceNotes(item, 0));
  if (definesFunction) {
    const fn = head as { name: string; args: { name: string }[] };
    context.defineFunction(fn.name, { params: [fn.args[0].name], body: last }, links.kind !== 'holds', true);
  }
  if (links.kind === 'holds')
    state.claims.push({
      holds: true,
      tainted,
      reason: `${parts.map(exprToString).join(' = ')} holds`,
      method: 'numeric',
    });
  else state.claims.push(...linkClaims(links, tainted));
}

/** `2x = 45 + 5 = 50`: an equation whose right side is worked out; the arithmetic is the claim. */
function checkWorkedOutEquation(
  item: MathItem,
  free: string[],
  tainted: boolean,
  context: StudentContext,
  state: StepState,
): void {
  const { parts } = item;
  const scope = context.scope(state.bindings);
  const last = parts[parts.length - 1];
  const chain = checkValueChain(parts.slice(1), item.rels.slice(1), scope, sliceNotes(item, 1));
  if (chain.kind === 'fails') state.claims.push({ holds: false, tainted, reason: chain.reason, method: 'cas' });
  else if (chain.kind === 'holds')
    state.claims.push({
      holds: true,
      tainted,
      reason: `${exprToString(parts[1])} = ${formatNumber(chain.values[chain.values.length - 1])}`,
      method: 'cas',
    });
  // the equation it leaves (`2x = 50`) is the student's condition from here on, tainted when the
  // arithmetic was wrong, so what is solved from it next is carried, not a second error. It is
  // not compared with the condition before: a worked-out line often starts a new equation
  // (another unknown, another case) and the arithmetic is what it claims
  if (chain.kind !== 'unknown' && free.length === 1) {
    const wrong = tainted || chain.kind === 'fails';
    chain.values.forEach((v) => context.addValue(v, wrong));
    // the first equation after the problem's own must keep its solutions (`2x = 11 + 3 = 14` for
    // 2x + 3 = 11 lost x = 4)
    const first = !wrong && !context.condition && context.statementCondition?.variable === free[0];
    const outcome = first ? checkCondition(parts[0], last, free[0], context, tainted) : null;
    if (outcome) state.claims.push(outcome);
    else recordCondition(parts[0], last, free[0], context, wrong);
  }
}

/** Makes `left = right` the condition later steps are compared with, without judging it again. */
function recordCondition(left: Expr, right: Expr, variable: string, context: StudentContext, tainted: boolean): void {
  const vars = new Map(context.vars);
  vars.delete(variable);
  const solved = solveEquation(left, right, variable, { vars, functions: context.functions });
  if (solved.kind !== 'finite') return;
  const text = `${exprToString(left)} = ${exprToString(right)}`;
  context.condition = { left, right, variable, roots: solved.roots, tainted, text };
}
