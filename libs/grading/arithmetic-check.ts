// Checks an equality chain whose parts have values (`16 - 3 - 4 = 9`, `f(-1) = -1 - 3 + 2 = -2`):
// every link must hold, with a decimal the student wrote taken at the precision written.
import type { Expr, Scope } from '../../libs/math/index.js';
import {
  evaluate,
  exprToString,
  formatNumber,
  MathLimitError,
  nearlyEqual,
  roundsTo,
  UnknownNameError,
} from '../../libs/math/index.js';

export type ChainCheck =
  | { kind: 'holds'; values: number[] }
  | { kind: 'fails'; values: number[]; link: number; reason: string }
  | { kind: 'unknown'; reason: string };

export function checkValueChain(parts: readonly Expr[], rels: readonly string[], scope: Scope): ChainCheck {
  const first = evaluateChain(parts, rels, scope);
  if (first.kind !== 'fails' || !parts.some(hasPercent)) return first;
  // `100 - 20 = 80%` reads percent as percentage points; accept it when that reading holds
  const asPoints = evaluateChain(parts, rels, { ...scope, percentAsNumber: true });
  return asPoints.kind === 'holds' ? asPoints : first;
}

function evaluateChain(parts: readonly Expr[], rels: readonly string[], scope: Scope): ChainCheck {
  let values: number[];
  try {
    values = parts.map((p) => evaluate(p, scope));
  } catch (error) {
    if (error instanceof MathLimitError || error instanceof UnknownNameError)
      return { kind: 'unknown', reason: `could not evaluate: ${error.message}` };
    throw error;
  }
  if (values.some((v) => !Number.isFinite(v))) return { kind: 'unknown', reason: 'a value in the claim is undefined' };
  if (
    parts.length === 2 &&
    isLiteral(parts[0]) &&
    isLiteral(parts[1]) &&
    !linkHolds(parts[0], parts[1], values[0], values[1], false)
  ) {
    // `15 gallons = 120 pints`: two different numbers are a conversion between units, not arithmetic
    return {
      kind: 'unknown',
      reason: `${exprToString(parts[0])} = ${exprToString(parts[1])} relates different quantities and was not checked`,
    };
  }
  for (let k = 1; k < parts.length; k++) {
    const left = parts[k - 1];
    const right = parts[k];
    if (linkHolds(left, right, values[k - 1], values[k], rels[k - 1] === '~=')) continue;
    if (isLiteral(left) && isLiteral(right)) continue;
    // `20 - 4 - 8 = 8 * 1/4 = 2`: a running computation that continues from the value just found
    if (k + 1 < parts.length && startsWithValue(right, values[k - 1])) continue;
    // `$1800 - $2000 = $200 less`: a difference stated as a positive amount
    if (
      left.kind === 'bin' &&
      left.op === '-' &&
      nearlyEqual(values[k - 1], -values[k]) &&
      values[k] > 0 &&
      isLiteral(right)
    )
      continue;
    return {
      kind: 'fails',
      values,
      link: k,
      reason: `${exprToString(left)} = ${formatNumber(values[k - 1])}, not ${exprToString(right)}`,
    };
  }
  return { kind: 'holds', values };
}

export function linkHolds(left: Expr, right: Expr, a: number, b: number, approximate: boolean): boolean {
  if (nearlyEqual(a, b)) return true;
  const rightDecimals = writtenDecimals(right);
  const leftDecimals = writtenDecimals(left);
  if (rightDecimals !== null && roundsTo(a, b, rightDecimals)) return true;
  if (leftDecimals !== null && roundsTo(b, a, leftDecimals)) return true;
  if (approximate) {
    const places = Math.max(rightDecimals ?? 0, leftDecimals ?? 0);
    return (
      Math.abs(a - b) <= 0.5 * 10 ** -places + 1e-9 || Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b))
    );
  }
  return false;
}

/** Decimal places of a literal decimal (`81.60` -> 2, `-0.5` -> 1); null for anything else. */
function writtenDecimals(expr: Expr): number | null {
  if (expr.kind === 'num') return expr.decimals;
  if (expr.kind === 'neg' && expr.arg.kind === 'num') return expr.arg.decimals;
  return null;
}

function startsWithValue(expr: Expr, value: number): boolean {
  let leftmost = expr;
  while (leftmost.kind === 'bin') leftmost = leftmost.left;
  return leftmost !== expr && leftmost.kind === 'num' && nearlyEqual(leftmost.value, value);
}

function isLiteral(expr: Expr): boolean {
  return expr.kind === 'num' || (expr.kind === 'neg' && expr.arg.kind === 'num');
}

function hasPercent(expr: Expr): boolean {
  switch (expr.kind) {
    case 'pct':
      return true;
    case 'neg':
    case 'fact':
      return hasPercent(expr.arg);
    case 'bin':
      return hasPercent(expr.left) || hasPercent(expr.right);
    case 'call':
      return expr.args.some(hasPercent);
    default:
      return false;
  }
}
