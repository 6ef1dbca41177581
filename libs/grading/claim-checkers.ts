// One checker per claim kind (claim-kinds.ts), over the step's state and the student's context.
// The record is keyed by every kind, so a new kind does not compile until it has its checker.
import { exprToString } from '../../libs/math/index.js';
import type { Claim, ClaimKind } from './claim-kinds.js';
import { usesTaintedValue } from './claim-outcome.js';
import { checkDerivative } from './derivative-claims.js';
import { checkInequality } from './inequality-check.js';
import { checkLocation, checkNamed } from './named-claims.js';
import { flushSolutions } from './solution-claims.js';
import { checkSum } from './sum-claims.js';
import type { MathItem } from './step-reader.js';
import type { StepState } from './step-state.js';
import { sliceNotes } from './step-values.js';
import type { StudentContext } from './student-context.js';
import { checkIdentities, checkSymbolic } from './symbolic-claims.js';
import { checkValues, defineName } from './value-claims.js';

/** What a checker works on: the item the claim came from, the step so far, the student's context. */
export interface ClaimSite {
  item: MathItem;
  state: StepState;
  context: StudentContext;
}

type Checker<K extends ClaimKind> = (claim: Extract<Claim, { kind: K }>, site: ClaimSite) => void;

const CHECKERS: { [K in ClaimKind]: Checker<K> } = {
  value: (claim, { item, state, context }) => stateValue(claim.value, claim.named, item.parts, state, context),
  named_value: (claim, { item, state, context }) =>
    stateValue(claim.value, claim.name, [item.parts[item.parts.length - 1]], state, context),
  solution_set: (claim, { item, state, context }) => {
    state.solutions = {
      variable: claim.variable,
      values: claim.members.map((m) => m.value),
      texts: claim.members.map((m) => `${claim.variable} = ${exprToString(m.expr)}`),
      tainted: usesTaintedValue(item.parts, context, state.taintedBindings),
    };
    flushSolutions(state, context);
  },
  inequality: (_claim, { item, state, context }) => checkInequality(item, context, state),
  binding: (claim, { state, context }) => {
    state.bindings.set(claim.name, claim.value);
    if (claim.expr && usesTaintedValue([claim.expr], context, state.taintedBindings))
      state.taintedBindings.add(claim.name);
  },
  location: (claim, { state, context }) => {
    if (!state.lastValue) return;
    state.claims.push(checkLocation(claim.variable, claim.at, state.lastValue, context));
    state.inLocation = true;
  },
  reassignment: () => undefined,
  solution: (claim, { state, context }) => {
    const tainted = usesTaintedValue([claim.expr], context, state.taintedBindings);
    if (!state.solutions) state.solutions = { variable: claim.variable, values: [], texts: [], tainted: false };
    state.solutions.values.push(claim.value);
    state.solutions.texts.push(`${claim.variable} = ${exprToString(claim.expr)}`);
    state.solutions.tainted ||= tainted;
  },
  definition: (claim, { item, state, context }) =>
    defineName(claim.name, item.parts.slice(1), item.rels.slice(1), context, state, sliceNotes(item, 1)),
  function_definition: (claim, { item, state, context }) => {
    const body = item.parts[item.parts.length - 1];
    context.defineFunction(claim.name, { params: [claim.param], body }, false, true);
    if (item.parts.length > 2) checkIdentities(item.parts.slice(1), context, state);
  },
  evaluation: (claim, { item, state, context }) => checkValues(item, context, state, claim.named),
  symbolic: (claim, { item, state, context }) => checkSymbolic(item, claim.free, context, state),
  derivative: (_claim, { item, state, context }) => checkDerivative(item, context, state),
  sum: (_claim, { item, state, context }) => checkSum(item, context, state),
  none: () => undefined,
};

export function checkClaim(claim: Claim, site: ClaimSite): void {
  // the record pairs each kind with its checker; TypeScript cannot follow that pairing through an index
  (CHECKERS[claim.kind] as Checker<ClaimKind>)(claim as never, site);
}

/** `18`, `max = 2`: the value stated becomes the step's last value; a named one is checked. */
function stateValue(
  value: number,
  named: string | null,
  used: MathItem['parts'],
  state: StepState,
  context: StudentContext,
): void {
  const tainted = usesTaintedValue(used, context, state.taintedBindings);
  state.lastValue = { value, tainted };
  const namedClaims = named ? checkNamed(named, value, tainted, context) : [];
  state.claims.push(...namedClaims);
  if (namedClaims.length === 0) state.bareValues.push(value);
}
