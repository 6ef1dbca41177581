// Real solution set of a one-variable equation `left = right`: exact for polynomials, otherwise by
// scanning a grid for sign changes and near-zero minima on the interval (default [-50, 50]).
import type { Expr } from './expr.js';
import { freeSymbols } from './expr.js';
import { CONSTANTS } from './known-names.js';
import type { Scope } from './evaluate.js';
import { evaluate } from './evaluate.js';
import { MathLimitError } from './limits.js';
import { bisect, polynomialRoots, toPolynomial } from './polynomial.js';

export type SolutionSet = { kind: 'finite'; roots: number[] } | { kind: 'all' } | { kind: 'unknown'; reason: string };

const GRID_POINTS = 2_000;

export function solveEquation(
  left: Expr,
  right: Expr,
  variable: string,
  scope: Scope,
  interval?: [number, number],
): SolutionSet {
  const difference: Expr = { kind: 'bin', op: '-', left, right };
  const others = [...freeSymbols(difference)].filter(
    (n) => n !== variable && !scope.vars.has(n) && !Object.hasOwn(CONSTANTS, n),
  );
  if (others.length > 0)
    return { kind: 'unknown', reason: `the equation also depends on ${others.slice(0, 3).join(', ')}` };
  const poly = toPolynomial(difference, variable, scope);
  if (poly) {
    if (poly.length === 1) return poly[0] === 0 ? { kind: 'all' } : { kind: 'finite', roots: [] };
    return { kind: 'finite', roots: polynomialRoots(poly).map(cleanRoot) };
  }
  const [lo, hi] = interval ?? [-50, 50];
  let refused = 0;
  const f = (x: number) => {
    const vars = new Map(scope.vars);
    vars.set(variable, x);
    try {
      return evaluate(difference, { ...scope, vars });
    } catch (error) {
      if (error instanceof MathLimitError) {
        refused++;
        return NaN;
      }
      throw error;
    }
  };
  const roots: number[] = [];
  const step = (hi - lo) / GRID_POINTS;
  let prevX = lo;
  let prev = f(lo);
  let definedCount = Number.isFinite(prev) ? 1 : 0;
  for (let k = 1; k <= GRID_POINTS; k++) {
    const x = lo + k * step;
    const value = f(x);
    if (Number.isFinite(value)) definedCount++;
    else if (k === GRID_POINTS / 10 && refused >= k)
      return { kind: 'unknown', reason: 'the equation is too large to evaluate' };
    if (Number.isFinite(prev) && Number.isFinite(value)) {
      if (prev === 0) addRoot(roots, prevX);
      else if (prev * value < 0) {
        const root = bisect(f, prevX, x);
        if (root !== null && Math.abs(f(root)) < 1e-6) addRoot(roots, root);
      }
    }
    prevX = x;
    prev = value;
  }
  if (Number.isFinite(prev) && prev === 0) addRoot(roots, prevX);
  if (definedCount < GRID_POINTS / 20)
    return { kind: 'unknown', reason: 'the equation is undefined almost everywhere' };
  if (roots.length > 50) return { kind: 'unknown', reason: 'the equation has too many solutions to list' };
  return { kind: 'finite', roots: roots.sort((a, b) => a - b).map(cleanRoot) };
}

function addRoot(roots: number[], root: number): void {
  if (!roots.some((r) => Math.abs(r - root) < 1e-6)) roots.push(root);
}

/** 1.9999999999 -> 2 so roots print and compare cleanly. */
function cleanRoot(x: number): number {
  const rounded = Math.round(x);
  if (Math.abs(x - rounded) < 1e-9) return rounded === 0 ? 0 : rounded;
  return x;
}

export function sameRoots(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => Math.abs(x - y) < 1e-6 * Math.max(1, Math.abs(x))));
}

export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}
