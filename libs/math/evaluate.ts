// Evaluates an Expr over real doubles with every operation bounded: overflow and giant factorials
// raise MathLimitError (a reason, not a hang), undefined points (sqrt(-1), 1/0) give NaN.
import type { Expr } from './expr.js';
import { calledFunctions } from './expr.js';
import { CONSTANTS } from './known-names.js';
import { MATH_LIMITS, MathLimitError } from './limits.js';

export interface FunctionDefinition {
  params: string[];
  body: Expr;
}

export interface Scope {
  vars: ReadonlyMap<string, number>;
  functions: ReadonlyMap<string, FunctionDefinition>;
  /** `15%` read as 0.15 (default) or as the number 15 (percentage points). */
  percentAsNumber?: boolean;
}

export const EMPTY_SCOPE: Scope = { vars: new Map(), functions: new Map() };

export class UnknownNameError extends Error {
  override readonly name = 'UnknownNameError';
  constructor(message: string) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

const MAX_CALL_DEPTH = 12;
const MIN_MAGNITUDE = 1e-290;

export function evaluate(expr: Expr, scope: Scope = EMPTY_SCOPE): number {
  return evaluateAt(expr, scope, 0);
}

function evaluateAt(expr: Expr, scope: Scope, callDepth: number): number {
  const recurse = (e: Expr) => evaluateAt(e, scope, callDepth);
  switch (expr.kind) {
    case 'num':
      return expr.value;
    case 'sym': {
      const bound = scope.vars.get(expr.name);
      if (bound !== undefined) return bound;
      if (Object.hasOwn(CONSTANTS, expr.name)) return CONSTANTS[expr.name];
      throw new UnknownNameError(`unknown value ${expr.name}`);
    }
    case 'neg':
      return -recurse(expr.arg);
    case 'pct':
      return recurse(expr.arg) / (scope.percentAsNumber ? 1 : 100);
    case 'fact':
      return factorial(recurse(expr.arg));
    case 'list':
      return NaN;
    case 'bin': {
      const left = recurse(expr.left);
      const right = recurse(expr.right);
      switch (expr.op) {
        case '+':
          return bounded(left + right);
        case '-':
          return bounded(left - right);
        case '*':
          return noUnderflow(bounded(left * right), left !== 0 && right !== 0);
        case '/':
          return right === 0 ? NaN : noUnderflow(bounded(left / right), left !== 0);
        case '^':
          return power(left, right);
      }
    }
    // falls through: exhaustive above
    case 'call':
      return callFunction(expr.name, expr.args, scope, callDepth);
  }
}

function bounded(value: number): number {
  if (value === Infinity || value === -Infinity) throw new MathLimitError('a value is too large to check');
  return value;
}

/** A product of nonzero values that rounds to (almost) zero has lost every digit: refuse it. */
function noUnderflow(value: number, nonzero: boolean): number {
  if (nonzero && Math.abs(value) < MIN_MAGNITUDE) throw new MathLimitError('a value is too small to check');
  return value;
}

function power(base: number, exponent: number): number {
  if (Number.isNaN(base) || Number.isNaN(exponent)) return NaN;
  if (base === 0 && exponent < 0) return NaN;
  if (base < 0 && !Number.isInteger(exponent)) {
    // odd roots of negatives are real: (-8)^(1/3) = -2
    const inverse = 1 / exponent;
    if (Math.abs(inverse - Math.round(inverse)) < 1e-9 && Math.round(inverse) % 2 !== 0)
      return -Math.pow(-base, exponent);
    return NaN;
  }
  const magnitude = exponent * Math.log10(Math.abs(base) || 1);
  if (magnitude > 300) throw new MathLimitError('an exponent is too large to check');
  if (magnitude < -300) throw new MathLimitError('a power is too small to check');
  return Math.pow(base, exponent);
}

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) return NaN;
  if (n > MATH_LIMITS.maxFactorialArg)
    throw new MathLimitError(`factorial argument above ${MATH_LIMITS.maxFactorialArg}`);
  let product = 1;
  for (let k = 2; k <= n; k++) product *= k;
  return product;
}

function callFunction(name: string, argExprs: Expr[], scope: Scope, callDepth: number): number {
  const defined = scope.functions.get(name);
  if (defined) {
    if (callDepth >= MAX_CALL_DEPTH) throw new MathLimitError('functions call each other too deeply');
    if (defined.params.length !== argExprs.length) return NaN;
    const vars = new Map(scope.vars);
    defined.params.forEach((param, k) => vars.set(param, evaluateAt(argExprs[k], scope, callDepth)));
    return evaluateAt(defined.body, { ...scope, vars }, callDepth + 1);
  }
  const integral = /^integral_([A-Za-z])$/.exec(name);
  if (integral && argExprs.length === 3) return definiteIntegral(integral[1], argExprs, scope, callDepth);
  const args = argExprs.map((a) => evaluateAt(a, scope, callDepth));
  const [x, y] = args;
  switch (name) {
    case 'sqrt':
      return args.length === 2 ? power(y, 1 / x) : x < 0 ? NaN : Math.sqrt(x);
    case 'nthRoot':
      return power(x, 1 / y);
    case 'cbrt':
      return Math.cbrt(x);
    case 'ln':
      return x <= 0 ? NaN : Math.log(x);
    case 'log':
      return x <= 0 || (args.length === 2 && (y <= 0 || y === 1))
        ? NaN
        : args.length === 2
          ? Math.log(x) / Math.log(y)
          : Math.log10(x);
    case 'lg':
      return x <= 0 ? NaN : Math.log10(x);
    case 'exp':
      return power(Math.E, x);
    case 'abs':
      return Math.abs(x);
    case 'sin':
      return Math.sin(x);
    case 'cos':
      return Math.cos(x);
    case 'tan':
      return Math.abs(Math.cos(x)) < 1e-12 ? NaN : Math.tan(x);
    case 'cot':
      return Math.abs(Math.sin(x)) < 1e-12 ? NaN : 1 / Math.tan(x);
    case 'sec':
      return 1 / Math.cos(x);
    case 'csc':
      return 1 / Math.sin(x);
    case 'arcsin':
    case 'asin':
      return Math.asin(x);
    case 'arccos':
    case 'acos':
      return Math.acos(x);
    case 'arctan':
    case 'atan':
      return Math.atan(x);
    case 'sinh':
      return Math.sinh(x);
    case 'cosh':
      return Math.cosh(x);
    case 'tanh':
      return Math.tanh(x);
    case 'asinh':
      return Math.asinh(x);
    case 'acosh':
      return Math.acosh(x);
    case 'atanh':
      return Math.atanh(x);
    case 'max':
      return Math.max(...args);
    case 'min':
      return Math.min(...args);
    case 'floor':
      return Math.floor(x + 1e-12);
    case 'ceil':
      return Math.ceil(x - 1e-12);
    case 'round':
      return Math.round(x);
    case 'sign':
      return Math.sign(x);
    case 'mod':
      return y === 0 ? NaN : ((x % y) + y) % y;
    case 'gcd':
      return integersOnly(args) ? args.reduce(gcd) : NaN;
    case 'lcm':
      return integersOnly(args) ? args.reduce((a, b) => bounded(Math.abs(a * b) / (gcd(a, b) || 1))) : NaN;
    case 'factorial':
      return factorial(x);
    case 'binom':
    case 'choose':
    case 'nCr':
      return choose(x, y);
    case 'nPr':
      return choose(x, y) * factorial(y);
    default:
      throw new UnknownNameError(`unknown function ${name}`);
  }
}

function integersOnly(values: number[]): boolean {
  return values.every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 53);
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Binomial coefficients; for a real `n` and a small whole `k`, n(n-1)…(n-k+1)/k! (so `binom(n, 2)` samples). */
function choose(n: number, k: number): number {
  if (Number.isInteger(k) && k >= 0 && k <= MAX_GENERAL_BINOMIAL_K && !Number.isInteger(n)) {
    let result = 1;
    for (let i = 0; i < k; i++) result = (result * (n - i)) / (i + 1);
    return result;
  }
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0) return NaN;
  if (k > n) return 0;
  if (n > 10_000) throw new MathLimitError('binomial arguments too large');
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - i + 1)) / i;
  return Math.round(result);
}

const MAX_GENERAL_BINOMIAL_K = 50;
const SIMPSON_INTERVALS = 256;

/** ∫ from a to b by Simpson's rule (exact for cubics); infinite or undefined points give NaN. */
function definiteIntegral(variable: string, [lower, upper, body]: Expr[], scope: Scope, callDepth: number): number {
  // one level only: nested integrals would cost 257^depth evaluations
  if (calledFunctions(body).size && [...calledFunctions(body)].some((n) => n.startsWith('integral_')))
    throw new MathLimitError('nested integrals are not evaluated');
  const [a, b] = [evaluateAt(lower, scope, callDepth), evaluateAt(upper, scope, callDepth)];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return NaN;
  if (Math.abs(b - a) > 1e6) throw new MathLimitError('an integral over too long an interval');
  const h = (b - a) / SIMPSON_INTERVALS;
  const vars = new Map(scope.vars);
  let total = 0;
  for (let k = 0; k <= SIMPSON_INTERVALS; k++) {
    vars.set(variable, a + k * h);
    const value = evaluateAt(body, { ...scope, vars }, callDepth);
    if (!Number.isFinite(value)) return NaN;
    total += value * (k === 0 || k === SIMPSON_INTERVALS ? 1 : k % 2 === 1 ? 4 : 2);
  }
  return bounded((total * h) / 3);
}
