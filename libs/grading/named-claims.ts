// Claims about the function the problem is about: a location (`attained at x = 0`: f(0) is the
// value just stated) and a named extremum (`max = 2`: the largest of the values the student found).
import { formatNumber, nearlyEqual } from '../../libs/math/index.js';
import type { ClaimOutcome } from './claim-outcome.js';
import { tryValue } from './step-values.js';
import type { StudentContext } from './student-context.js';

export function checkLocation(
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
      });
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
