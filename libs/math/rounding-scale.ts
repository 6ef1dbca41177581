// How large the rounding error of a double evaluation can be: the same expression evaluated with
// every sum's terms added by magnitude. A small value is trusted only when it stands clear of
// that error; this tells `sin²x + cos²x - 1` (zero up to rounding) from `1.1^-3000` (tiny but
// genuinely nonzero), which an absolute tolerance cannot.
import type { Expr } from './expr.js';
import type { Scope } from './evaluate.js';
import { evaluate } from './evaluate.js';

const cache = new WeakMap<Expr, Expr>();

function magnitudeExpr(expr: Expr): Expr {
  const hit = cache.get(expr);
  if (hit) return hit;
  const abs = (e: Expr): Expr => ({ kind: 'call', name: 'abs', args: [e] });
  let out: Expr;
  switch (expr.kind) {
    case 'neg':
      out = magnitudeExpr(expr.arg);
      break;
    case 'bin':
      if (expr.op === '+' || expr.op === '-' || expr.op === '*')
        out = {
          kind: 'bin',
          op: expr.op === '*' ? '*' : '+',
          left: magnitudeExpr(expr.left),
          right: magnitudeExpr(expr.right),
        };
      else if (expr.op === '/') out = { kind: 'bin', op: '/', left: magnitudeExpr(expr.left), right: abs(expr.right) };
      else out = abs(expr);
      break;
    default:
      out = abs(expr);
  }
  cache.set(expr, out);
  return out;
}

/** Bound on the magnitude of the terms that were summed to get `expr`'s value at this point. */
export function roundingScale(expr: Expr, scope: Scope): number {
  return evaluate(magnitudeExpr(expr), scope);
}

/**
 * Two sample values agree: relatively, or (for values too small for a relative test) within the
 * rounding error their terms allow.
 */
export function sampleValuesAgree(a: number, b: number, tolerance: number, scales: () => [number, number]): boolean {
  const big = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) > tolerance * Math.max(1, big)) return false;
  if (big >= 1e-3) return true;
  const [scaleA, scaleB] = scales();
  return Math.abs(a - b) <= tolerance * big + 1e-9 * (scaleA + scaleB);
}
