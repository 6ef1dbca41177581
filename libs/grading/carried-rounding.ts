// A rounded value carried into later work (GRADING.md "Decimals and rounding"): after `10 / 3 =
// 3.33`, the 3.33 in `3.33 × 3 = 10` stands for the 10/3 the student found, so the link is read with
// the exact value behind it. A repeating decimal written short (`0.33`, `16.67`, `33.3%`) stands
// for its fraction with a small denominator. A decimal that is exact as written (`2.5 × 4 = 10.1`)
// is taken as written, and the link must still hold exactly with the exact values.
import type { Expr } from '../../libs/math/index.js';
import { mapNumbers, nearlyEqual, roundsTo } from '../../libs/math/index.js';
import type { KnownValue } from './student-context.js';

/** The expression with each rounded decimal replaced by the exact value behind it; null where none is. */
export function withExactValues(expr: Expr, known: readonly KnownValue[]): Expr | null {
  let replaced = false;
  const result = mapNumbers(expr, (literal) => {
    const exact = exactBehind(literal, known);
    if (exact === null) return literal;
    replaced = true;
    return { kind: 'num', value: exact, text: String(exact), decimals: null };
  });
  return replaced ? result : null;
}

/** The value the student found earlier that this written decimal rounds (`3.33` for 3.333…), or null. */
function exactBehind(literal: Extract<Expr, { kind: 'num' }>, known: readonly KnownValue[]): number | null {
  if (literal.decimals === null || literal.decimals === 0) return null;
  for (let i = known.length - 1; i >= 0; i--) {
    const { value, tainted } = known[i];
    if (!tainted && !nearlyEqual(value, literal.value) && roundsTo(value, literal.value, literal.decimals))
      return value;
  }
  return repeatingDecimal(literal.value, literal.decimals);
}

/** Denominators whose fractions repeat in decimal: the ones people write rounded (thirds, sevenths…). */
const REPEATING_DENOMINATORS = [3, 6, 7, 9, 12];

/** `16.67` is 50/3 written to two places; null when no small fraction rounds to it (or it is exact). */
function repeatingDecimal(value: number, decimals: number): number | null {
  if (decimals > 3) return null;
  for (const q of REPEATING_DENOMINATORS) {
    const fraction = Math.round(value * q) / q;
    if (!nearlyEqual(fraction, value) && roundsTo(fraction, value, decimals)) return fraction;
  }
  return null;
}
