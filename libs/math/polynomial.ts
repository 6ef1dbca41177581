// Reads an expression as a polynomial in one variable (coefficients, lowest degree first) when it
// is one, so equations can be solved exactly instead of by sampling.
import type { Expr } from './expr.js';
import type { Scope } from './evaluate.js';
import { evaluate } from './evaluate.js';
import { freeSymbols } from './expr.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

const MAX_DEGREE = 12;
type Poly = number[];

export function toPolynomial(expr: Expr, variable: string, scope: Scope): Poly | null {
  try {
    const poly = build(expr, variable, scope);
    return poly ? trim(poly) : null;
  } catch (error) {
    rethrowUnlessMathLimit(error);
    // anything the evaluator refuses (unknown names, limits) simply is not a polynomial here
    return null;
  }
}

function build(expr: Expr, v: string, scope: Scope): Poly | null {
  if (!freeSymbols(expr).has(v)) {
    const value = evaluate(expr, scope);
    return Number.isFinite(value) ? [value] : null;
  }
  switch (expr.kind) {
    case 'sym':
      return expr.name === v ? [0, 1] : null;
    case 'neg': {
      const p = build(expr.arg, v, scope);
      return p && p.map((c) => -c);
    }
    case 'bin': {
      const left = build(expr.left, v, scope);
      if (!left) return null;
      if (expr.op === '^') {
        if (freeSymbols(expr.right).has(v)) return null;
        const n = evaluate(expr.right, scope);
        if (!Number.isInteger(n) || n < 0 || n * (left.length - 1) > MAX_DEGREE) return null;
        let result: Poly = [1];
        for (let k = 0; k < n; k++) result = multiply(result, left);
        return result;
      }
      const right = build(expr.right, v, scope);
      if (!right) return null;
      if (expr.op === '+') return add(left, right, 1);
      if (expr.op === '-') return add(left, right, -1);
      if (expr.op === '*') return left.length + right.length - 2 > MAX_DEGREE ? null : multiply(left, right);
      if (expr.op === '/' && trim(right).length === 1 && right[0] !== 0) return left.map((c) => c / right[0]);
      return null;
    }
    default:
      return null;
  }
}

function add(a: Poly, b: Poly, sign: number): Poly {
  const out = new Array(Math.max(a.length, b.length)).fill(0);
  a.forEach((c, i) => {
    out[i] += c;
  });
  b.forEach((c, i) => {
    out[i] += sign * c;
  });
  return out;
}

function multiply(a: Poly, b: Poly): Poly {
  const out = new Array(a.length + b.length - 1).fill(0);
  a.forEach((ca, i) =>
    b.forEach((cb, j) => {
      out[i + j] += ca * cb;
    }),
  );
  return out;
}

function trim(p: Poly): Poly {
  const scale = Math.max(1, ...p.map(Math.abs));
  const out = p.map((c) => (Math.abs(c) < 1e-12 * scale ? 0 : c));
  while (out.length > 1 && out[out.length - 1] === 0) out.pop();
  return out;
}

export function evalPoly(p: Poly, x: number): number {
  let value = 0;
  for (let i = p.length - 1; i >= 0; i--) value = value * x + p[i];
  return value;
}

/** Real roots, ascending, each once (exact for degree <= 2, bracketed bisection above). */
export function polynomialRoots(p: Poly): number[] {
  const degree = p.length - 1;
  if (degree <= 0) return [];
  if (degree === 1) return [-p[0] / p[1]];
  if (degree === 2) {
    const [c, b, a] = p;
    const disc = b * b - 4 * a * c;
    const tol = 1e-12 * Math.max(1, b * b, Math.abs(4 * a * c));
    if (disc < -tol) return [];
    if (Math.abs(disc) <= tol) return [-b / (2 * a)];
    const r = Math.sqrt(disc);
    return [(-b - r) / (2 * a), (-b + r) / (2 * a)].sort((x, y) => x - y);
  }
  const derivative = p.slice(1).map((c, i) => c * (i + 1));
  const bound = 1 + Math.max(...p.slice(0, -1).map((c) => Math.abs(c / p[degree])));
  const points = [-bound, ...polynomialRoots(derivative).filter((x) => Math.abs(x) < bound), bound];
  const roots: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const root = bisect((x) => evalPoly(p, x), points[i], points[i + 1]);
    if (root !== null && !roots.some((r) => Math.abs(r - root) < 1e-7)) roots.push(root);
  }
  for (const x of points) {
    if (Math.abs(evalPoly(p, x)) < 1e-9 * Math.max(1, ...p.map(Math.abs)) && !roots.some((r) => Math.abs(r - x) < 1e-7))
      roots.push(x);
  }
  return roots.sort((a, b) => a - b);
}

export function bisect(f: (x: number) => number, lo: number, hi: number): number | null {
  let flo = f(lo);
  const fhi = f(hi);
  if (flo === 0) return lo;
  if (fhi === 0) return hi;
  if (!(flo * fhi < 0)) return null;
  for (let k = 0; k < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); k++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (fm * flo < 0) hi = mid;
    else {
      lo = mid;
      flo = fm;
    }
  }
  return (lo + hi) / 2;
}
