// One checked claim inside a step and how a step's claims combine into its verdict (GRADING.md
// "Verdict of a step": incorrect beats carried_error beats correct beats unverified).
import type { Expr, SourceSpan } from '../../libs/math/index.js';
import { calledFunctions, freeSymbols } from '../../libs/math/index.js';
import type { StepMethod, StepVerdict } from './grading.types.js';
import type { StudentContext } from './student-context.js';

export interface ClaimOutcome {
  /** true: holds; false: wrong in the student's own context; null: nothing could be decided. */
  holds: boolean | null;
  tainted: boolean;
  reason: string;
  method: 'cas' | 'numeric';
  /** The claim only restates a value (`2 = 2`, `Each jar holds 0.6 kg.`): checked, but no work shown. */
  restates?: boolean;
  /** Where in the raw step text the claim was written (set by the step checker). */
  span?: SourceSpan;
}

export interface CombinedVerdict {
  verdict: StepVerdict;
  method: StepMethod;
  reason: string;
  /** Set (false) when every checked claim only restates a value: the step earns no step credit. */
  stepCredit?: false;
  /** The span of the one claim that decided an incorrect or carried_error verdict, when it has one. */
  span?: SourceSpan;
}

export function combineClaims(claims: readonly ClaimOutcome[]): CombinedVerdict {
  const wrong = claims.find((c) => c.holds === false);
  if (wrong) return { verdict: 'incorrect', method: wrong.method, reason: wrong.reason, ...spanOf(wrong) };
  const checked = claims.filter((c) => c.holds === true);
  const credit = checked.some((c) => !c.restates) ? {} : { stepCredit: false as const };
  const carried = checked.find((c) => c.tainted);
  if (carried)
    return {
      verdict: 'carried_error',
      method: carried.method,
      reason: `${carried.reason}; it uses a value from an earlier error`,
      ...credit,
      ...spanOf(carried),
    };
  if (checked.length) {
    const method = checked.some((c) => c.method === 'numeric') ? 'numeric' : 'cas';
    return {
      verdict: 'correct',
      method,
      reason: checked
        .map((c) => c.reason)
        .slice(0, 4)
        .join('; '),
      ...credit,
    };
  }
  const unknown = claims.find((c) => c.holds === null);
  return {
    verdict: 'unverified',
    method: 'none',
    reason: unknown ? unknown.reason : 'no checkable claim was found in this step',
  };
}

/** `{ span }` when the outcome has one, else nothing (no `span: undefined` key in stored results). */
function spanOf(outcome: ClaimOutcome): { span?: SourceSpan } {
  return outcome.span ? { span: outcome.span } : {};
}

/** Literals a claim uses (exponents excluded: `x^2` does not use the value 2). */
export function usedLiterals(expr: Expr, into: number[] = []): number[] {
  switch (expr.kind) {
    case 'num':
      into.push(expr.value);
      break;
    case 'neg':
      if (expr.arg.kind === 'num') into.push(-expr.arg.value);
      else usedLiterals(expr.arg, into);
      break;
    case 'fact':
    case 'pct':
      usedLiterals(expr.arg, into);
      break;
    case 'bin':
      usedLiterals(expr.left, into);
      if (expr.op !== '^') usedLiterals(expr.right, into);
      break;
    case 'call':
      for (const a of expr.args) usedLiterals(a, into);
      break;
    case 'list':
      for (const a of expr.items) usedLiterals(a, into);
      break;
    default:
      break;
  }
  return into;
}

/** A claim is tainted when it uses a tainted value, a tainted name, or a tainted binding. */
export function usesTaintedValue(
  parts: readonly Expr[],
  context: StudentContext,
  taintedBindings: ReadonlySet<string>,
): boolean {
  for (const part of parts) {
    for (const name of calledFunctions(part)) if (context.taintedNames.has(name)) return true;
    for (const name of freeSymbols(part)) if (context.taintedNames.has(name) || taintedBindings.has(name)) return true;
    for (const value of usedLiterals(part)) if (context.isTaintedValue(value)) return true;
  }
  return false;
}
