// Equations compared as answers: no variable by truth, proportional differences, then the same
// solutions (equation-sets.ts).
import type { AnswerValue } from './answer-value.js';
import type { Outcome } from './compare-scalars.js';
import type { Expr } from './expr.js';
import { EMPTY_SCOPE, evaluate } from './evaluate.js';
import { unboundSymbols } from './equivalence.js';
import { sameSolutionSet, solutionsOf, truthOf } from './equation-sets.js';
import { exactIdentity } from './exact-identity.js';
import { sameRoots } from './solve-equation.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

/** `y = 2x + 1` ≡ `2x - y + 1 = 0`: the differences of the sides are proportional. */
export function compareEquations(
  expected: Extract<AnswerValue, { kind: 'equation' }>,
  given: Extract<AnswerValue, { kind: 'equation' }>,
): Outcome {
  const a: Expr = { kind: 'bin', op: '-', left: expected.left, right: expected.right };
  const b: Expr = { kind: 'bin', op: '-', left: given.left, right: given.right };
  const variables = unboundSymbols([a, b], EMPTY_SCOPE);
  if (variables.length === 0) {
    // `2 + 3 = 5` against `5 = 3 + 2`: statements with no variable are compared by their truth
    const [x, y] = [truthOf(expected), truthOf(given)];
    if (x === null || y === null) return { equal: false, method: 'none', reason: 'an equation is undefined' };
    return { equal: x === y, method: 'cas' };
  }
  const exact = exactIdentity(a, b, variables, EMPTY_SCOPE);
  if (exact === 'equal') return { equal: true, method: 'cas' };
  const ratios: number[] = [];
  for (let k = 0; k < 24 && ratios.length < 6; k++) {
    const vars = new Map(
      variables.map((v, i) => [v, Math.sin(k * 7.3 + i * 3.1) * 3 + 0.37 * (i + 1)] as [string, number]),
    );
    try {
      const va = evaluate(a, { vars, functions: new Map() });
      const vb = evaluate(b, { vars, functions: new Map() });
      if (!Number.isFinite(va) || !Number.isFinite(vb)) continue;
      if (Math.abs(va) < 1e-12 && Math.abs(vb) < 1e-12) continue;
      if (Math.abs(vb) < 1e-12) return { equal: false, method: 'numeric' };
      ratios.push(va / vb);
    } catch (error) {
      rethrowUnlessMathLimit(error);
      // a sample point the evaluator refuses is skipped like an undefined one
      continue;
    }
  }
  const proportional =
    ratios.length >= 4 &&
    ratios.every((r) => Math.abs(r - ratios[0]) <= 1e-7 * Math.max(1, Math.abs(ratios[0])) && r !== 0);
  if (proportional) return { equal: true, method: 'numeric' };
  // not proportional, but perhaps the same solutions: `|x| = |y|` and `x^2 = y^2`, `(x-1)^2 = 0` and `x = 1`
  const [rootsA, rootsB] = [solutionsOf(expected), solutionsOf(given)];
  if (rootsA && rootsB) return { equal: sameRoots(rootsA, rootsB), method: 'numeric' };
  const same = sameSolutionSet(expected, given);
  if (same === null && ratios.length < 4)
    return { equal: false, method: 'none', reason: 'too few sample points were defined' };
  return { equal: same === true, method: 'numeric' };
}
