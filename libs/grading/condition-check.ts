// Conditions (`3x^2 - 6x = 0`, `3x = 6`) are compared with the condition before them by solution
// set: roots lost or gained are errors and the reason names them. Solution statements
// (`x = 0 or x = 2`) must be exactly the solution set of the condition they solve.
import type { Expr } from '../../libs/math/index.js';
import { exprToString, formatNumber, sameRoots, solveEquation } from '../../libs/math/index.js';
import type { ClaimOutcome } from './claim-outcome.js';
import type { Condition, StudentContext } from './student-context.js';

export function checkCondition(
  left: Expr,
  right: Expr,
  variable: string,
  context: StudentContext,
  usesTainted: boolean,
): ClaimOutcome | null {
  const scope = context.scope();
  const vars = new Map(scope.vars);
  vars.delete(variable);
  const solved = solveEquation(left, right, variable, { ...scope, vars });
  const text = `${exprToString(left)} = ${exprToString(right)}`;
  if (solved.kind !== 'finite') {
    context.condition = null;
    return solved.kind === 'unknown'
      ? { holds: null, tainted: false, reason: `could not solve ${text}: ${solved.reason}`, method: 'numeric' }
      : null;
  }
  const reference = referenceCondition(variable, context);
  const condition: Condition = {
    left,
    right,
    variable,
    roots: solved.roots,
    tainted: usesTainted || Boolean(reference?.tainted),
    text,
  };
  context.condition = condition;
  if (!reference) return null;
  if (sameRoots(reference.roots, solved.roots)) {
    return {
      holds: true,
      tainted: condition.tainted,
      reason: `${text} has the same solutions as ${reference.text} (${describeRoots(variable, solved.roots)})`,
      method: 'cas',
    };
  }
  condition.tainted = true;
  return {
    holds: false,
    tainted: condition.tainted,
    reason: describeChange(variable, reference, solved.roots, text),
    method: 'cas',
  };
}

/** The condition a new one must be equivalent to: the previous one, else f'(x) = 0, else the problem's. */
export function referenceCondition(variable: string, context: StudentContext): Condition | null {
  if (context.condition && context.condition.variable === variable) return context.condition;
  const derivative = [...context.studentNames].find(
    (n) => n.endsWith("'") && context.functions.get(n)?.params.length === 1,
  );
  if (derivative) {
    const definition = context.functions.get(derivative)!;
    const param = definition.params[0];
    const solved = solveEquation(
      definition.body,
      { kind: 'num', value: 0, text: '0', decimals: null },
      param,
      context.scope(),
    );
    if (solved.kind === 'finite') {
      return {
        left: definition.body,
        right: { kind: 'num', value: 0, text: '0', decimals: null },
        variable,
        roots: solved.roots,
        tainted: context.taintedNames.has(derivative),
        text: `${derivative}(${param}) = 0`,
      };
    }
  }
  if (context.statementCondition && context.statementCondition.variable === variable) return context.statementCondition;
  return null;
}

export function checkSolutions(
  variable: string,
  values: number[],
  context: StudentContext,
  usesTainted: boolean,
): ClaimOutcome | null {
  const reference = referenceCondition(variable, context);
  const listed = describeRoots(variable, values);
  if (!reference) return null;
  const inInterval = context.interval
    ? reference.roots.filter((r) => r >= context.interval![0] - 1e-9 && r <= context.interval![1] + 1e-9)
    : reference.roots;
  const tainted = usesTainted || reference.tainted;
  const unique = values.filter((v, i) => !values.slice(0, i).some((w) => Math.abs(w - v) < 1e-9));
  if (sameRoots(reference.roots, unique) || sameRoots(inInterval, unique)) {
    return { holds: true, tainted, reason: `${listed} solves ${reference.text}`, method: 'cas' };
  }
  const fromProblem = reference === context.statementCondition;
  const setAside = rootsSetAside(variable, reference.roots, unique, context, fromProblem);
  if (setAside) return { holds: null, tainted, reason: `${listed}: ${setAside}`, method: 'cas' };
  return {
    holds: false,
    tainted,
    reason: describeChange(variable, { ...reference, roots: reference.roots }, unique, listed),
    method: 'cas',
  };
}

/**
 * Keeping some roots and dropping others is not an error we can prove when the dropped ones were
 * listed before (rejected knowingly, e.g. outside a logarithm's domain) or are negative where the
 * problem is about lengths or counts: it is left undecided with the reason.
 */
function rootsSetAside(
  variable: string,
  reference: readonly number[],
  kept: readonly number[],
  context: StudentContext,
  fromProblem: boolean,
): string | null {
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  if (kept.length === 0 || !kept.every((k) => reference.some((r) => close(r, k)))) return null;
  const dropped = reference.filter((r) => !kept.some((k) => close(r, k)));
  const stated = context.statedSolutions.get(variable) ?? [];
  // the problem's own equation may come with conditions the reader does not see (`x > 0`, `x` an
  // integer), and its roots may be stated one case per step: a part of its roots is not provably wrong
  if (fromProblem)
    return `the problem's equation also has ${describeRoots(variable, dropped)}; whether ${dropped.length > 1 ? 'they are' : 'it is'} excluded was not checked`;
  if (dropped.every((d) => stated.some((s) => close(s, d))))
    return `${describeRoots(variable, dropped)} ${dropped.length > 1 ? 'were' : 'was'} set aside after being found; whether ${dropped.length > 1 ? 'they are' : 'it is'} extraneous was not checked`;
  if (context.quantitiesArePositive && dropped.every((d) => d < 0))
    return `${describeRoots(variable, dropped)} ${dropped.length > 1 ? 'were' : 'was'} dropped as negative, which the problem's quantities cannot be`;
  return null;
}

export function describeRoots(variable: string, roots: readonly number[]): string {
  if (roots.length === 0) return 'no real solution';
  return roots.map((r) => `${variable} = ${formatNumber(r)}`).join(' or ');
}

export function describeChange(variable: string, reference: Condition, roots: readonly number[], text: string): string {
  const lost = reference.roots.filter((r) => !roots.some((s) => Math.abs(s - r) < 1e-6));
  const gained = roots.filter((s) => !reference.roots.some((r) => Math.abs(s - r) < 1e-6));
  const pieces: string[] = [];
  if (lost.length) pieces.push(`${describeRoots(variable, lost)} ${lost.length > 1 ? 'were' : 'was'} lost`);
  if (gained.length)
    pieces.push(
      `${describeRoots(variable, gained)} ${gained.length > 1 ? 'are not solutions' : 'is not a solution'} of ${reference.text}`,
    );
  const dividedBy = lost.length === 1 && lost[0] === 0 ? ` (dividing by ${variable} loses ${variable} = 0)` : '';
  return `${text}: ${pieces.join('; ')}${dividedBy}; ${reference.text} has ${describeRoots(variable, reference.roots)}`;
}
