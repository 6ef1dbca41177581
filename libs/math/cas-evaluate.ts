// Evaluates an Expr with mathjs's number types: complex numbers (`i`, `e^{iπ}`, `\sqrt{-1}`),
// matrices (`matrix(row(1, 2), row(3, 4))`, `det`, transpose `^T`, conjugate) and the functions
// the real evaluator lacks. The tree is walked here and each node calls one library function, so
// no text is ever parsed. Values are bounded like the real evaluator's: a non-finite entry, a
// matrix larger than the reader allows or a matrix power above 64 is a MathLimitError, and an
// operation mathjs rejects for its argument types (a matrix as an exponent) becomes one too.
import type { Complex, Matrix } from 'mathjs';
import type { Expr } from './expr.js';
import { CONSTANTS } from './known-names.js';
import { MATH_LIMITS, MathLimitError } from './limits.js';
import { restrictedMath as math } from './safe-mathjs.js';
import { withinCas } from './cas-errors.js';

export type CasValue = number | Complex | Matrix;

/** Names that make an expression need this evaluator rather than the real one. */
export const CAS_FUNCTIONS = new Set(['matrix', 'row', 'det', 'transpose', 'conj', 'trace', 'inv', 'adj', 'Re', 'Im']);

function call<T>(run: () => T): T {
  return withinCas('evaluate', run);
}

export function casEvaluate(expr: Expr, vars: ReadonlyMap<string, CasValue>, imaginaryUnit = true): CasValue {
  return checked(evaluateNode(expr, vars, imaginaryUnit));
}

function checked(value: CasValue): CasValue {
  if (typeof value === 'number') {
    if (value === Infinity || value === -Infinity || Math.abs(value) > MATH_LIMITS.maxMagnitude)
      throw new MathLimitError('a value is too large to check');
    return value;
  }
  if (math.isComplex(value)) {
    if (!Number.isFinite(value.re) || !Number.isFinite(value.im))
      throw new MathLimitError('a value is too large to check');
    return value;
  }
  if (value.size().reduce((a, b) => a * b, 1) > MATH_LIMITS.maxCallArgs)
    throw new MathLimitError('a matrix is too large to check');
  return value;
}

function evaluateNode(expr: Expr, vars: ReadonlyMap<string, CasValue>, imaginaryUnit: boolean): CasValue {
  const recurse = (e: Expr) => checked(evaluateNode(e, vars, imaginaryUnit));
  switch (expr.kind) {
    case 'num':
      return expr.value;
    case 'sym': {
      const bound = vars.get(expr.name);
      if (bound !== undefined) return bound;
      if (expr.name === 'i' && imaginaryUnit) return math.complex(0, 1);
      if (Object.hasOwn(CONSTANTS, expr.name)) return CONSTANTS[expr.name];
      throw new MathLimitError(`unknown value ${expr.name}`);
    }
    case 'neg':
      return call(() => math.unaryMinus(recurse(expr.arg)) as CasValue);
    case 'pct':
      return call(() => math.divide(recurse(expr.arg), 100) as CasValue);
    case 'fact': {
      const n = recurse(expr.arg);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return NaN;
      if (n > MATH_LIMITS.maxFactorialArg) throw new MathLimitError('factorial argument too large');
      return math.factorial(n);
    }
    case 'list': {
      // `[1, 2] + [3, 4]`: a list of numbers is a vector
      if (expr.open === '{') throw new MathLimitError('a set is not a value');
      const items = expr.items.map(recurse);
      if (items.some((v) => math.isMatrix(v))) throw new MathLimitError('a list of lists is not a value');
      return math.matrix(items as (number | Complex)[]);
    }
    case 'bin':
      return binary(expr, recurse);
    case 'call':
      return callFunction(expr.name, expr.args, recurse);
  }
}

function binary(expr: Extract<Expr, { kind: 'bin' }>, recurse: (e: Expr) => CasValue): CasValue {
  const left = recurse(expr.left);
  if (expr.op === '^' && math.isMatrix(left) && expr.right.kind === 'sym') {
    // `A^T`, `A^H`: transpose and conjugate transpose written as exponents
    if (expr.right.name === 'T') return call(() => math.transpose(left) as CasValue);
    if (expr.right.name === 'H') return call(() => math.ctranspose(left) as CasValue);
  }
  const right = recurse(expr.right);
  switch (expr.op) {
    case '+':
      return call(() => math.add(left, right) as CasValue);
    case '-':
      return call(() => math.subtract(left, right) as CasValue);
    case '*':
      return call(() => math.multiply(left, right) as CasValue);
    case '/':
      if (typeof right === 'number' && right === 0) return NaN;
      return call(() => math.divide(left, right) as CasValue);
    case '^':
      return power(left, right);
  }
}

function power(base: CasValue, exponent: CasValue): CasValue {
  if (math.isMatrix(base)) {
    if (typeof exponent !== 'number' || !Number.isInteger(exponent) || Math.abs(exponent) > 64)
      throw new MathLimitError('matrix powers are checked for small integer exponents only');
    return call(() => (exponent < 0 ? math.pow(math.inv(base), -exponent) : math.pow(base, exponent)) as CasValue);
  }
  if (typeof base === 'number' && typeof exponent === 'number') {
    const magnitude = exponent * Math.log10(Math.abs(base) || 1);
    if (magnitude > 300) throw new MathLimitError('an exponent is too large to check');
    if (base === 0 && exponent < 0) return NaN;
  }
  return call(() => math.pow(base as Complex, exponent as Complex) as CasValue);
}

function callFunction(name: string, argExprs: Expr[], recurse: (e: Expr) => CasValue): CasValue {
  if (name === 'matrix') return matrixOf(argExprs, recurse);
  if (name === 'row') throw new MathLimitError('a matrix row outside a matrix');
  const args = argExprs.map(recurse);
  const [x, y] = args;
  const unary: Record<string, (v: CasValue) => unknown> = {
    sqrt: (v) => math.sqrt(v as Complex),
    cbrt: (v) => (typeof v === 'number' ? Math.cbrt(v) : math.pow(v as Complex, 1 / 3)),
    ln: (v) => math.log(v as Complex),
    lg: (v) => math.log10(v as Complex),
    exp: (v) => math.exp(v as Complex),
    abs: (v) => math.abs(v as number),
    sin: (v) => math.sin(v as Complex),
    cos: (v) => math.cos(v as Complex),
    tan: (v) => math.tan(v as Complex),
    cot: (v) => math.cot(v as Complex),
    sec: (v) => math.sec(v as Complex),
    csc: (v) => math.csc(v as Complex),
    arcsin: (v) => math.asin(v as Complex),
    arccos: (v) => math.acos(v as Complex),
    arctan: (v) => math.atan(v as Complex),
    asin: (v) => math.asin(v as Complex),
    acos: (v) => math.acos(v as Complex),
    atan: (v) => math.atan(v as Complex),
    sinh: (v) => math.sinh(v as Complex),
    cosh: (v) => math.cosh(v as Complex),
    tanh: (v) => math.tanh(v as Complex),
    asinh: (v) => math.asinh(v as Complex),
    acosh: (v) => math.acosh(v as Complex),
    atanh: (v) => math.atanh(v as Complex),
    det: (v) => math.det(v as Matrix),
    transpose: (v) => math.transpose(v as Matrix),
    conj: (v) => math.conj(v as Complex),
    trace: (v) => math.trace(v as Matrix),
    inv: (v) => math.inv(v as Matrix),
    Re: (v) => (math.isComplex(v) ? v.re : v),
    Im: (v) => (math.isComplex(v) ? v.im : 0),
    factorial: (v) => math.factorial(v as number),
  };
  if (args.length === 1 && Object.hasOwn(unary, name)) {
    if (name === 'factorial' && (typeof x !== 'number' || x > MATH_LIMITS.maxFactorialArg))
      throw new MathLimitError('factorial argument too large');
    return call(() => unary[name](x) as CasValue);
  }
  if (name === 'adj' && args.length === 1) return call(() => adjugate(x as Matrix));
  if (name === 'log' && args.length === 1) return call(() => math.log10(x as Complex) as CasValue);
  if (name === 'log' && args.length === 2)
    return call(() => math.divide(math.log(x as Complex), math.log(y as Complex)) as CasValue);
  if ((name === 'nthRoot' || name === 'sqrt') && args.length === 2) {
    const [radicand, index] = name === 'sqrt' ? [y, x] : [x, y];
    return power(
      radicand,
      call(() => math.divide(1, index) as CasValue),
    );
  }
  throw new MathLimitError(`the CAS does not evaluate ${name} here`);
}

function matrixOf(rowExprs: Expr[], recurse: (e: Expr) => CasValue): Matrix {
  const rows = rowExprs.map((row) =>
    row.kind === 'call' && row.name === 'row' ? row.args.map(recurse) : [recurse(row)],
  );
  const width = rows[0]?.length ?? 0;
  if (width === 0 || rows.some((r) => r.length !== width)) throw new MathLimitError('the matrix rows differ in length');
  if (rows.flat().some((v) => math.isMatrix(v))) throw new MathLimitError('a matrix inside a matrix');
  return math.matrix(rows as (number | Complex)[][]);
}

/** adj(A) = det(A)·A⁻¹ for an invertible A (the only case a final answer needs). */
function adjugate(a: Matrix): CasValue {
  return math.multiply(math.det(a), math.inv(a)) as CasValue;
}
