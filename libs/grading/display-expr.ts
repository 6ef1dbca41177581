// Expressions as a student writes them, for reasons only: mathjs derivatives come back unsimplified
// (`3 * (1 * x^(3 - 1)) - 3 * (2 * (1 * x^(2 - 1))) + 0`), which no student can read. A polynomial
// in one variable is printed by its coefficients (`3x^2 - 6x`); anything else gets light clean-up
// (constants folded, `1 *`, `+ 0`, `^1`, `ln(e)` removed). Never used to decide a verdict.
import type { Expr, Scope } from '../../libs/math/index.js';
import { EMPTY_SCOPE, exprToString, formatNumber, freeSymbols, toPolynomial } from '../../libs/math/index.js';

const MAX_DISPLAY_DEGREE = 8;

export function displayExpr(expr: Expr, scope: Scope = EMPTY_SCOPE): string {
  const symbols = [...freeSymbols(expr)];
  if (symbols.length === 1) {
    const poly = toPolynomial(expr, symbols[0], scope);
    if (poly && poly.length <= MAX_DISPLAY_DEGREE + 1 && poly.every(Number.isFinite))
      return polynomialText(poly, symbols[0]);
  }
  return compact(exprToString(tidy(expr)));
}

/** Coefficients lowest degree first, printed highest first: [2, -6, 3] -> `3x^2 - 6x + 2`. */
export function polynomialText(coefficients: readonly number[], variable: string): string {
  const terms: string[] = [];
  for (let degree = coefficients.length - 1; degree >= 0; degree--) {
    const c = Math.abs(coefficients[degree]) < 1e-12 ? 0 : coefficients[degree];
    if (c === 0) continue;
    const size = Math.abs(c);
    const power = degree === 0 ? '' : degree === 1 ? variable : `${variable}^${degree}`;
    const coefficient = size === 1 && degree > 0 ? '' : coefficientText(size, degree > 0);
    const term = `${coefficient}${power}`;
    if (terms.length === 0) terms.push(c < 0 ? `-${term}` : term);
    else terms.push(c < 0 ? `- ${term}` : `+ ${term}`);
  }
  return terms.length ? terms.join(' ') : '0';
}

/** `1/3` rather than `0.333333` when a small denominator makes the coefficient exact. */
function coefficientText(size: number, multiplies: boolean): string {
  if (Number.isInteger(size)) return formatNumber(size);
  for (let denominator = 2; denominator <= 12; denominator++) {
    const numerator = Math.round(size * denominator);
    if (Math.abs(size * denominator - numerator) < 1e-9)
      return multiplies ? `(${numerator}/${denominator})` : `${numerator}/${denominator}`;
  }
  return formatNumber(size);
}

/** `3 * x^2` -> `3x^2`, `2 * (x - 1)` -> `2(x - 1)`: a number before a name or bracket multiplies it. */
function compact(text: string): string {
  return text.replace(/(?<![\w.^])(\d+(?:\.\d+)?) \* (?=[A-Za-z(])/g, '$1');
}

const isNum = (e: Expr): e is Extract<Expr, { kind: 'num' }> => e.kind === 'num';
const isValue = (e: Expr, value: number): boolean => e.kind === 'num' && e.value === value;
const lit = (value: number): Expr =>
  value < 0 ? { kind: 'neg', arg: lit(-value) } : { kind: 'num', value, text: formatNumber(value), decimals: null };

/** Bottom-up clean-up that keeps the value: folds integer constants and drops neutral terms. */
function tidy(expr: Expr): Expr {
  switch (expr.kind) {
    case 'neg': {
      const arg = tidy(expr.arg);
      if (arg.kind === 'neg') return arg.arg;
      if (isValue(arg, 0)) return arg;
      return { kind: 'neg', arg };
    }
    case 'call': {
      const args = expr.args.map(tidy);
      if (
        (expr.name === 'ln' || expr.name === 'log') &&
        args.length === 1 &&
        args[0].kind === 'sym' &&
        args[0].name === 'e'
      )
        return lit(1);
      return { ...expr, args };
    }
    case 'bin':
      return tidyBinary(expr.op, tidy(expr.left), tidy(expr.right));
    default:
      return expr;
  }
}

function tidyBinary(op: Extract<Expr, { kind: 'bin' }>['op'], left: Expr, right: Expr): Expr {
  const folded = foldConstants(op, left, right);
  if (folded) return folded;
  switch (op) {
    case '+':
      if (isValue(left, 0)) return right;
      if (isValue(right, 0)) return left;
      if (right.kind === 'neg') return { kind: 'bin', op: '-', left, right: right.arg };
      break;
    case '-':
      if (isValue(right, 0)) return left;
      if (isValue(left, 0)) return tidy({ kind: 'neg', arg: right });
      if (right.kind === 'neg') return { kind: 'bin', op: '+', left, right: right.arg };
      break;
    case '*':
      if (isValue(left, 0) || isValue(right, 0)) return lit(0);
      if (isValue(left, 1)) return right;
      if (isValue(right, 1)) return left;
      // 3 * (2 * x) -> 6 * x
      if (isNum(left) && right.kind === 'bin' && right.op === '*' && isNum(right.left))
        return tidyBinary('*', lit(left.value * right.left.value), right.right);
      if (isNum(right) && !isNum(left)) return tidyBinary('*', right, left);
      break;
    case '/':
      if (isValue(right, 1)) return left;
      break;
    case '^':
      if (isValue(right, 1)) return left;
      if (isValue(right, 0)) return lit(1);
      break;
  }
  return { kind: 'bin', op, left, right };
}

/** Integer arithmetic on two literals (`3 - 1` -> 2); anything inexact is left as written. */
function foldConstants(op: string, left: Expr, right: Expr): Expr | null {
  const a = constantOf(left);
  const b = constantOf(right);
  if (a === null || b === null) return null;
  let value: number;
  switch (op) {
    case '+':
      value = a + b;
      break;
    case '-':
      value = a - b;
      break;
    case '*':
      value = a * b;
      break;
    case '/':
      value = a / b;
      break;
    case '^':
      value = Math.abs(b) <= 12 ? a ** b : NaN;
      break;
    default:
      return null;
  }
  return Number.isInteger(value) && Math.abs(value) < 1e12 ? lit(value) : null;
}

function constantOf(expr: Expr): number | null {
  if (expr.kind === 'num') return expr.value;
  if (expr.kind === 'neg' && expr.arg.kind === 'num') return -expr.arg.value;
  return null;
}
