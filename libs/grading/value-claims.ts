// Claims between values: an equality chain whose parts all have values (`16 - 3 - 4 = 9`,
// `f(-1) = -2`), and a name the student gives a value (`a = 80,000 + 50,000 = 130,000`).
import type { Expr } from '../../libs/math/index.js';
import { exprToString, formatNumber, unboundSymbols } from '../../libs/math/index.js';
import type { ChainNotes } from './arithmetic-check.js';
import { checkValueChain } from './arithmetic-check.js';
import { usesTaintedValue } from './claim-outcome.js';
import { checkNamed } from './named-claims.js';
import type { MathItem } from './step-reader.js';
import type { StepState } from './step-state.js';
import { isNumberLiteral, sliceNotes, tryValue } from './step-values.js';
import type { StudentContext } from './student-context.js';
import { checkIdentities } from './symbolic-claims.js';

export function defineName(
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
    const chain = checkValueChain(rest, rels, scope, { ...notes, known: context.values });
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

export function checkValues(item: MathItem, context: StudentContext, state: StepState, named: string | null): void {
  const { parts, rels } = item;
  const tainted = usesTaintedValue(parts, context, state.taintedBindings);
  const chain = checkValueChain(parts, rels, context.scope(state.bindings), {
    ...sliceNotes(item, 0),
    known: context.values,
  });
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
  // a sum across units on the right (`= 1 hour + 30 minutes`) is shown as written: its bare value means nothing
  const last = parts[parts.length - 1];
  const shownLast = chain.unitsRead && !isNumberLiteral(last) ? exprToString(last) : formatNumber(claimed);
  const shown =
    parts.length > 2 ? `${exprToString(parts[0])} = … = ${shownLast}` : `${exprToString(parts[0])} = ${shownLast}`;
  // `2 = 2`: numbers written equal to themselves state nothing that needed working out
  const restates = parts.every(isNumberLiteral);
  const withUnits = chain.unitsRead ? ` with its units (${chain.unitsRead})` : '';
  state.claims.push({ holds: true, tainted, reason: `${shown} holds${withUnits}`, method: 'cas', restates });
  chain.values.forEach((v) => context.addValue(v, tainted));
  state.lastValue = { value: claimed, tainted };
  if (named) state.claims.push(...checkNamed(named, claimed, tainted, context));
}
