// The typed claims a math item of a step makes (GRADING.md "Claims and how each is checked"). The
// classifier yields exactly one per item; the registry in claim-checkers.ts holds one checker per
// kind, so adding a kind means one classifier rule and one checker, and the compiler finds the rest.
import type { Expr, SourceSpan } from '../../libs/math/index.js';

export type Claim =
  /** `18`, `\boxed{18}`, `最大值为 2`: a value stated on its own (a conclusion when named). */
  | { kind: 'value'; value: number; named: string | null }
  /** `x ∈ {0, 2}`: a solution set written as a set. */
  | { kind: 'solution_set'; variable: string; members: { expr: Expr; value: number }[] }
  /** `a < b ≤ c`, `x ≠ 2`: order relations. */
  | { kind: 'inequality' }
  /** `max = 2`: a named conclusion. */
  | { kind: 'named_value'; name: string; value: number }
  /** `when x = -1`, `at x = 2`: a value set for the rest of the step (context, not a claim). */
  | { kind: 'binding'; name: string; value: number; expr: Expr | null }
  /** `attained at x = 0`: the value just stated is the function's value there. */
  | { kind: 'location'; variable: string; at: number }
  /** `a = 13` for a name given a value before: another case, not a contradiction. */
  | { kind: 'reassignment' }
  /** `x = 4` solving the condition before it (or the problem's equation). */
  | { kind: 'solution'; variable: string; value: number; expr: Expr }
  /** `a = 80,000 + 50,000 = 130,000`: the student names a value (and may work it out). */
  | { kind: 'definition'; name: string }
  /** `g(x) = x^2 + 1`: the student defines a function. */
  | { kind: 'function_definition'; name: string; param: string }
  /** `16 - 3 - 4 = 9`, `f(-1) = -2`: an equality chain between values. */
  | { kind: 'evaluation'; named: string | null }
  /** `\frac{d}{dx}(x^3) = 3x^2`, `d/dx (2x) = 2`: a derivative taken with its operator. */
  | { kind: 'derivative' }
  /** `\sum_{k=1}^{10} k = 55`: a sum written with its operator. */
  | { kind: 'sum' }
  /** `3x(x - 2) = 3x^2 - 6x`, `3x^2 - 6x = 0`: identities and conditions in free variables. */
  | { kind: 'symbolic'; free: string[] }
  /** Nothing checkable (`x` alone, a value that cannot be evaluated). */
  | { kind: 'none' };

export type ClaimKind = Claim['kind'];

/**
 * A claim and where the student wrote it: its item's span in the raw step text. A pair rather than
 * a field of every kind, so Claim stays the plain union assertNever checks; the span is worked out
 * when first read (only a verdict that points at the claim needs it).
 */
export interface SpannedClaim {
  readonly claim: Claim;
  readonly span: SourceSpan;
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
