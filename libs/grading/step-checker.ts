// Checks one step against the student's context: classifies each math item (binding, location,
// solution, definition, evaluation chain, identity, condition, conclusion), checks the claims,
// and updates the context (values, taint, conditions, the student's own definitions).
import type { Expr } from '../../libs/math/index.js';
import {
  compareExpressions,
  evaluate,
  exprToString,
  formatNumber,
  FUNCTION_ARITY,
  nearlyEqual,
  solveEquation,
  unboundSymbols,
} from '../../libs/math/index.js';
import { displayExpr } from './display-expr.js';
import type { ChainNotes } from './arithmetic-check.js';
import { checkValueChain } from './arithmetic-check.js';
import { checkChainLinks, linkClaims } from './symbolic-chain.js';
import { checkInequality } from './inequality-check.js';
import { restatesStudentName } from './student-names.js';
import type { ClaimOutcome } from './claim-outcome.js';
import { usesTaintedValue } from './claim-outcome.js';
import { checkCondition, checkSolutions } from './condition-check.js';
import { namedConclusionIn, readConclusion } from './conclusion-reader.js';
import type { MathItem } from './step-reader.js';
import type { StudentContext } from './student-context.js';
import type { StepState } from './step-state.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

const BINDING =
  /(?:\b(?:when|at|for|if|let|given|with|suppose|where|put|setting|taking|substitute|substituting|plug(?:ging)?(?: in)?)|当|若|代入|将)\s*$/;
const LOCATION = /(?:出现在|取得|在|attained at|occurs at|achieved at|reached at|at)\s*$/;
const CONNECTIVE = /^\s*(?:,|and|or|和|或|及|、|以及)?\s*$/;
const CRITICAL = /critical|stationary|驻点|极值点|临界点/;

export type { StepState } from './step-state.js';

export function checkStepItems(text: string, items: MathItem[], context: StudentContext): StepState {
  const state: StepState = {
    bindings: new Map(),
    taintedBindings: new Set(),
    lastValue: null,
    solutions: null,
    claims: [],
    conclusion: null,
    lastExpr: null,
    inLocation: false,
    bareValues: [],
    solutionText: null,
  };
  for (const item of items) {
    if (state.solutions && joinsSolutionList(item, context, state)) continue;
    if (state.solutions && !isSolutionItem(item, context, state)) flushSolutions(state, context);
    checkItem(item, context, state, text);
  }
  flushSolutions(state, context);
  state.conclusion = readConclusion(text, items, state, context);
  if (state.claims.length === 0) state.claims.push(...restatements(state.bareValues, context));
  return state;
}

/** A step that only restates values carries their taint: `Each jar holds 0.6 kg.` after `2/3 = 0.6`. */
function restatements(values: number[], context: StudentContext): ClaimOutcome[] {
  for (const value of values) {
    const known = context.knows(value);
    if (known)
      return [
        {
          holds: true,
          tainted: known.tainted,
          reason: `${formatNumber(value)} restates a value found earlier`,
          method: 'cas',
          restates: true,
        },
      ];
  }
  return [];
}

function isSolutionItem(item: MathItem, context: StudentContext, state: StepState): boolean {
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
function joinsSolutionList(item: MathItem, context: StudentContext, state: StepState): boolean {
  const pending = state.solutions!;
  if (item.parts.length !== 1 || !/^\s*(?:,|or|和|或)?\s*$/.test(item.before)) return false;
  const value = tryValue(item.parts[0], context, state);
  if (value === null) return false;
  pending.values.push(value);
  pending.texts.push(`${pending.variable} = ${exprToString(item.parts[0])}`);
  pending.tainted ||= usesTaintedValue(item.parts, context, state.taintedBindings);
  return true;
}

function flushSolutions(state: StepState, context: StudentContext): void {
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

function tryValue(expr: Expr, context: StudentContext, state: StepState): number | null {
  try {
    const value = evaluate(expr, context.scope(state.bindings));
    return Number.isFinite(value) ? value : null;
  } catch (error) {
    // not a value here (free variables, unknown names): the caller treats it as an expression
    rethrowUnlessMathLimit(error);
    return null;
  }
}

function checkItem(item: MathItem, context: StudentContext, state: StepState, text: string): void {
  const { parts, rels, before } = item;
  const head = parts[0];
  const last = parts[parts.length - 1];
  state.lastExpr = last;
  const named = namedConclusionIn(before, head, parts.length);
  if (parts.length === 1) {
    const value = tryValue(head, context, state);
    if (value !== null) {
      const tainted = usesTaintedValue(parts, context, state.taintedBindings);
      state.lastValue = { value, tainted };
      const namedClaims = named ? checkNamed(named, value, tainted, context) : [];
      state.claims.push(...namedClaims);
      if (namedClaims.length === 0) state.bareValues.push(value);
    }
    return;
  }
  if (
    rels.length === 1 &&
    rels[0] === 'in' &&
    head.kind === 'sym' &&
    parts[1].kind === 'list' &&
    parts[1].open === '{'
  ) {
    const members = parts[1].items.map((e) => ({ e, v: tryValue(e, context, state) }));
    if (members.every((m) => m.v !== null)) {
      state.solutions = {
        variable: head.name,
        values: members.map((m) => m.v!),
        texts: members.map((m) => `${head.name} = ${exprToString(m.e)}`),
        tainted: usesTaintedValue(parts, context, state.taintedBindings),
      };
      flushSolutions(state, context);
    }
    return;
  }
  if (rels.some((r) => r !== '=' && r !== '~=')) {
    checkInequality(item, context, state);
    return;
  }
  if (named && head.kind === 'sym' && parts.length === 2) {
    const value = tryValue(last, context, state);
    if (value !== null) {
      const tainted = usesTaintedValue([last], context, state.taintedBindings);
      state.lastValue = { value, tainted };
      const namedClaims = checkNamed(named, value, tainted, context);
      state.claims.push(...namedClaims);
      if (namedClaims.length === 0) state.bareValues.push(value);
    }
    return;
  }
  // `when x = -7 and x = 2`: a second value joined to a binding of the same name is another case
  if (
    head.kind === 'sym' &&
    parts.length === 2 &&
    state.bindings.has(head.name) &&
    CONNECTIVE.test(before) &&
    !state.inLocation
  ) {
    const value = tryValue(parts[1], context, state);
    if (value !== null) {
      state.bindings.set(head.name, value);
      return;
    }
  }
  const continuesLocation = state.inLocation && CONNECTIVE.test(before);
  state.inLocation = false;
  if (
    head.kind === 'sym' &&
    parts.length === 2 &&
    (BINDING.test(before) || LOCATION.test(before) || continuesLocation)
  ) {
    const value = tryValue(parts[1], context, state);
    if (
      value !== null &&
      (LOCATION.test(before) || continuesLocation) &&
      state.lastValue &&
      !/^(?:.*\b)?(?:when|for|if|let|当|若)\s*$/.test(before) &&
      state.claims.length > 0
    ) {
      state.claims.push(checkLocation(head.name, value, state.lastValue, context));
      state.inLocation = true;
      return;
    }
    if (value !== null && BINDING.test(before)) {
      state.bindings.set(head.name, value);
      if (usesTaintedValue([parts[1]], context, state.taintedBindings)) state.taintedBindings.add(head.name);
      return;
    }
  }
  if (
    head.kind === 'sym' &&
    parts.length === 2 &&
    !named &&
    restatesStudentName(head.name, parts[1], context, state.bindings)
  )
    return;
  const scope = context.scope(state.bindings);
  const free = unboundSymbols(parts, scope);
  if (head.kind === 'sym' && parts.length === 2 && free.length === 1 && free[0] === head.name && !named) {
    const value = tryValue(parts[1], context, state);
    if (
      value !== null &&
      (context.condition?.variable === head.name ||
        context.statementCondition?.variable === head.name ||
        CRITICAL.test(text) ||
        [...context.studentNames].some((n) => n.endsWith("'")))
    ) {
      const tainted = usesTaintedValue([parts[1]], context, state.taintedBindings);
      if (!state.solutions) state.solutions = { variable: head.name, values: [], texts: [], tainted: false };
      state.solutions.values.push(value);
      state.solutions.texts.push(`${head.name} = ${exprToString(parts[1])}`);
      state.solutions.tainted ||= tainted;
      return;
    }
  }
  if (head.kind === 'sym' && free.includes(head.name) && !named && head.name.length <= 2) {
    defineName(head.name, parts.slice(1), rels.slice(1), context, state, sliceNotes(item, 1));
    return;
  }
  // `|a_{n-1}| = …` is a value, not a definition of abs: only unknown function names are defined here
  if (
    head.kind === 'call' &&
    !context.functions.has(head.name) &&
    !Object.hasOwn(FUNCTION_ARITY, head.name) &&
    head.args.length === 1 &&
    head.args[0].kind === 'sym'
  ) {
    context.defineFunction(head.name, { params: [head.args[0].name], body: last }, false, true);
    if (parts.length > 2) checkIdentities(parts.slice(1), context, state);
    return;
  }
  if (free.length === 0) {
    checkValues(item, context, state, named);
    return;
  }
  checkSymbolic(item, free, context, state);
}

/** The reader's notes for the chain from part `from` on. */
function sliceNotes(item: MathItem, from: number): ChainNotes {
  return { units: item.units.slice(from), after: item.after, before: item.before };
}

function defineName(
  name: string,
  rest: Expr[],
  rels: string[],
  context: StudentContext,
  state: StepState,
  notes: ChainNotes,
): void {
  const scope = context.scope(state.bindings);
  if (unboundSymbols(rest, scope).length > 0) {
    if (rest.length > 1) checkIdentities(rest, context, state);
    return;
  }
  let tainted = usesTaintedValue(rest, context, state.taintedBindings);
  if (rest.length > 1) {
    const chain = checkValueChain(rest, rels, scope, notes);
    if (chain.kind === 'fails') {
      state.claims.push({ holds: false, tainted, reason: chain.reason, method: 'cas' });
      tainted = true;
    } else if (chain.kind === 'holds')
      state.claims.push({
        holds: true,
        tainted,
        reason: `${name} = ${formatNumber(chain.values[chain.values.length - 1])}`,
        method: 'cas',
      });
  }
  const value = tryValue(rest[rest.length - 1], context, state);
  if (value === null) return;
  context.vars.set(name, value);
  context.studentNames.add(name);
  if (tainted) context.taintedNames.add(name);
  else context.taintedNames.delete(name);
  context.addValue(value, tainted);
  state.lastValue = { value, tainted };
}

function checkValues(item: MathItem, context: StudentContext, state: StepState, named: string | null): void {
  const { parts, rels } = item;
  const tainted = usesTaintedValue(parts, context, state.taintedBindings);
  const chain = checkValueChain(parts, rels, context.scope(state.bindings), sliceNotes(item, 0));
  if (chain.kind === 'unknown') {
    state.claims.push({ holds: null, tainted, reason: chain.reason, method: 'cas' });
    return;
  }
  const head = parts[0];
  const claimed = chain.values[chain.values.length - 1];
  if (head.kind === 'call' && head.args.length === 1 && context.functions.has(head.name)) {
    const argument = tryValue(head.args[0], context, state);
    if (argument !== null) context.recordEvaluation(head.name, argument, claimed, tainted || chain.kind === 'fails');
  }
  if (chain.kind === 'fails') {
    state.claims.push({ holds: false, tainted, reason: chain.reason, method: 'cas' });
    chain.values.slice(chain.link).forEach((v) => context.addValue(v, true));
    chain.values.slice(0, chain.link).forEach((v) => context.addValue(v, tainted));
    state.lastValue = { value: claimed, tainted: true };
    return;
  }
  const shown =
    parts.length > 2
      ? `${exprToString(parts[0])} = … = ${formatNumber(claimed)}`
      : `${exprToString(parts[0])} = ${formatNumber(claimed)}`;
  // `2 = 2`: numbers written equal to themselves state nothing that needed working out
  const restates = parts.every(isNumberLiteral);
  state.claims.push({ holds: true, tainted, reason: `${shown} holds`, method: 'cas', restates });
  chain.values.forEach((v) => context.addValue(v, tainted));
  state.lastValue = { value: claimed, tainted };
  if (named) state.claims.push(...checkNamed(named, claimed, tainted, context));
}

function isNumberLiteral(expr: Expr): boolean {
  return expr.kind === 'num' || (expr.kind === 'neg' && expr.arg.kind === 'num');
}

function checkIdentities(parts: Expr[], context: StudentContext, state: StepState): boolean {
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

function checkSymbolic(item: MathItem, free: string[], context: StudentContext, state: StepState): void {
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
    // `2x = 45 + 5 = 50`: an equation whose right side is worked out; the arithmetic is the claim
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
  if (parts.length > 2) {
    const links = checkChainLinks(parts, item.rels, scope, sliceNotes(item, 0));
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

function checkLocation(
  variable: string,
  at: number,
  stated: { value: number; tainted: boolean },
  context: StudentContext,
): ClaimOutcome {
  const candidates = [...context.functions.keys()].filter((n) => !n.endsWith("'"));
  if (candidates.length !== 1)
    return {
      holds: null,
      tainted: false,
      reason: `cannot tell which function is meant at ${variable} = ${formatNumber(at)}`,
      method: 'cas',
    };
  const name = candidates[0];
  const recorded = context.evaluations.get(name)?.get(at);
  const tainted = stated.tainted || Boolean(recorded?.tainted) || context.isTaintedValue(at);
  const actual = recorded
    ? recorded.value
    : tryValue({ kind: 'call', name, args: [{ kind: 'num', value: at, text: String(at), decimals: null }] }, context, {
        bindings: new Map(),
      } as StepState);
  if (actual === null)
    return { holds: null, tainted, reason: `${name}(${formatNumber(at)}) is undefined`, method: 'cas' };
  const holds = nearlyEqual(actual, stated.value);
  return {
    holds,
    tainted,
    reason: holds
      ? `${name}(${formatNumber(at)}) = ${formatNumber(actual)}`
      : `${name}(${formatNumber(at)}) = ${formatNumber(actual)}, not ${formatNumber(stated.value)}`,
    method: 'cas',
  };
}

/** `max = 2`: checked against the values the student found for the function (on the interval). */
export function checkNamed(name: string, value: number, tainted: boolean, context: StudentContext): ClaimOutcome[] {
  const candidates = [...context.evaluations.entries()].filter(([fn]) => !fn.endsWith("'"));
  const isTainted = tainted || context.isTaintedValue(value);
  if (candidates.length !== 1 || (name !== 'max' && name !== 'min')) return [];
  const interval = context.interval;
  const values = [...candidates[0][1].entries()]
    .filter(([x]) => !interval || (x >= interval[0] - 1e-9 && x <= interval[1] + 1e-9))
    .map(([, v]) => v);
  if (values.length < 2) return [];
  const best = name === 'max' ? Math.max(...values.map((v) => v.value)) : Math.min(...values.map((v) => v.value));
  const holds = nearlyEqual(best, value);
  const label = name === 'max' ? 'maximum' : 'minimum';
  return [
    {
      holds,
      tainted: isTainted || values.some((v) => v.tainted && nearlyEqual(v.value, value)),
      reason: holds
        ? `the ${label} of the values found is ${formatNumber(best)}`
        : `the ${label} of the values found is ${formatNumber(best)}, not ${formatNumber(value)}`,
      method: 'cas',
    },
  ];
}
