// Equations compared by what they say rather than how they are written: an equation with no
// variable is true or false; an equation in one variable is its set of real solutions; equations
// in several variables are the same when each one's solutions (points found by fixing all but one
// variable and solving for it) satisfy the other.
import type { Expr } from './expr.js';
import { EMPTY_SCOPE, evaluate } from './evaluate.js';
import { unboundSymbols } from './equivalence.js';
import { MathLimitError } from './limits.js';
import { nearlyEqual } from './numeric-compare.js';
import { hashString, seededRandom } from './seeded-random.js';
import { solveEquation } from './solve-equation.js';

export interface Equation {
  left: Expr;
  right: Expr;
}

const FIXED_VALUES = 6;

/** True/false for an equation with no variable (`2 + 3 = 5`); null when it has one or is undefined. */
export function truthOf(equation: Equation): boolean | null {
  if (unboundSymbols([equation.left, equation.right], EMPTY_SCOPE).length > 0) return null;
  try {
    const [a, b] = [evaluate(equation.left), evaluate(equation.right)];
    return Number.isNaN(a) || Number.isNaN(b) ? null : nearlyEqual(a, b);
  } catch (error) {
    if (error instanceof MathLimitError) return null;
    throw error;
  }
}

/** The real solutions of an equation in exactly one variable, or null when they are not a finite list. */
export function solutionsOf(equation: Equation): number[] | null {
  const variables = unboundSymbols([equation.left, equation.right], EMPTY_SCOPE);
  if (variables.length !== 1) return null;
  const solved = solveEquation(equation.left, equation.right, variables[0], EMPTY_SCOPE);
  return solved.kind === 'finite' ? solved.roots : null;
}

/**
 * `|x| = |y|` against `x^2 = y^2`: both directions, each at points on the first equation's solution
 * set. Null when too few such points were found to decide.
 */
export function sameSolutionSet(a: Equation, b: Equation): boolean | null {
  const variables = unboundSymbols([a.left, a.right, b.left, b.right], EMPTY_SCOPE);
  if (variables.length < 2) return null;
  const there = pointsSatisfy(a, b, variables);
  const back = pointsSatisfy(b, a, variables);
  if (there === false || back === false) return false;
  return there === true && back === true ? true : null;
}

function pointsSatisfy(source: Equation, target: Equation, variables: string[]): boolean | null {
  const random = seededRandom(hashString(`${variables.join(',')}|solution-set`));
  let checked = 0;
  for (const solveFor of variables) {
    for (let k = 0; k < FIXED_VALUES; k++) {
      const vars = new Map(variables.filter((v) => v !== solveFor).map((v) => [v, (random() * 2 - 1) * 3] as const));
      const scope = { vars, functions: new Map() };
      const solved = solveEquation(source.left, source.right, solveFor, scope, [-20, 20]);
      if (solved.kind !== 'finite') continue;
      for (const root of solved.roots) {
        const at = { vars: new Map([...vars, [solveFor, root]]), functions: new Map() };
        let holds: boolean;
        try {
          const [l, r] = [evaluate(target.left, at), evaluate(target.right, at)];
          if (!Number.isFinite(l) || !Number.isFinite(r)) continue;
          holds = nearlyEqual(l, r, 1e-6);
        } catch (error) {
          if (error instanceof MathLimitError) continue;
          throw error;
        }
        if (!holds) return false;
        checked++;
      }
    }
  }
  return checked >= 4 ? true : null;
}
