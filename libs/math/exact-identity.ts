// Exact identity test for rational expressions (Schwartz–Zippel): both sides are evaluated in two
// prime fields at random points. Residues never overflow, so `(x-a)^6000` against its expansion is
// decided exactly where sampling over doubles would overflow or underflow. Anything that is not a
// rational function (sqrt, sin, π, a variable exponent) is a random function of its arguments'
// residues: that keeps "equal" sound, but then a mismatch proves nothing and the caller decides.
import type { Expr } from './expr.js';
import type { Scope } from './evaluate.js';
import { evaluate, UnknownNameError } from './evaluate.js';
import { CONSTANTS } from './known-names.js';
import { MathLimitError } from './limits.js';
import type { PrimeField } from './modular-field.js';
import { FIELDS, fieldOps, literalResidue, powMod } from './modular-field.js';
import { hashString, seededRandom } from './seeded-random.js';

export type ExactVerdict = 'equal' | 'different' | null;

export interface ExactOptions {
  /** Read the symbol `i` as the imaginary unit (final answers), not as a variable. */
  imaginaryUnit?: boolean;
}

const POINTS_PER_FIELD = 2;
const MAX_EXPONENT = 2 ** 40;
/** A pole at this point (a denominator vanished): the point is skipped. */
const POLE = -1;
/** Not readable as an element of the field at all (lists, infinity): no verdict. */
const UNSUPPORTED = -2;

interface PointState {
  field: PrimeField;
  vars: Map<string, number>;
  seed: number;
  scope: Scope;
  options: ExactOptions;
  /** Set when a value was replaced by a random function: a mismatch is then inconclusive. */
  opaque: boolean;
  decimals: boolean;
}

export function exactIdentity(
  left: Expr,
  right: Expr,
  variables: readonly string[],
  scope: Scope,
  options: ExactOptions = {},
): ExactVerdict {
  const random = seededRandom(hashString(`${variables.join(',')}|exact`));
  let points = 0;
  for (const field of FIELDS) {
    let defined = 0;
    for (let attempt = 0; attempt < POINTS_PER_FIELD * 2 && defined < POINTS_PER_FIELD; attempt++) {
      const vars = new Map(variables.map((name) => [name, 1 + Math.floor(random() * (field.p - 1))] as const));
      const state: PointState = {
        field,
        vars,
        seed: Math.floor(random() * 2 ** 31),
        scope,
        options,
        opaque: false,
        decimals: false,
      };
      const a = residue(left, state);
      const b = residue(right, state);
      if (a === UNSUPPORTED || b === UNSUPPORTED) return null;
      if (a === POLE || b === POLE) continue;
      defined++;
      // a residue mismatch proves the rational functions differ; decimals as written may be
      // roundings the caller tolerates, and random stand-ins prove nothing
      if (a !== b) return state.opaque || state.decimals ? null : 'different';
    }
    points += defined;
  }
  return points >= POINTS_PER_FIELD * 2 ? 'equal' : null;
}

function residue(expr: Expr, s: PointState): number {
  const { p } = s.field;
  switch (expr.kind) {
    case 'num': {
      if (expr.text.includes('.')) s.decimals = true;
      const fromText = literalResidue(expr.text, p);
      if (fromText !== null) return fromText;
      return Number.isSafeInteger(expr.value) ? ((expr.value % p) + p) % p : UNSUPPORTED;
    }
    case 'sym':
      return symbolResidue(expr.name, s);
    case 'neg': {
      const a = residue(expr.arg, s);
      return a < 0 ? a : fieldOps.neg(a, p);
    }
    case 'pct': {
      const a = residue(expr.arg, s);
      return a < 0 ? a : fieldOps.mul(a, fieldOps.inv(100, p)!, p);
    }
    case 'fact':
      return factorialResidue(expr, s);
    case 'list':
      return UNSUPPORTED;
    case 'call': {
      const args = expr.args.map((arg) => residue(arg, s));
      const bad = args.find((a) => a < 0);
      // `factorial(x)` and `x!` are one function
      return bad ?? randomFunction(expr.name === 'factorial' ? '!' : expr.name, args, s);
    }
    case 'bin':
      return binaryResidue(expr, s);
  }
}

function symbolResidue(name: string, s: PointState): number {
  const own = s.vars.get(name);
  if (own !== undefined) return own;
  if (name === 'i' && s.options.imaginaryUnit && !s.scope.vars.has('i')) return s.field.i;
  const bound = s.scope.vars.get(name);
  if (bound !== undefined) {
    if (Number.isSafeInteger(bound)) return ((bound % s.field.p) + s.field.p) % s.field.p;
    return randomFunction(`value ${name}`, [], s);
  }
  if (name === 'inf' || name === 'infty' || !Object.hasOwn(CONSTANTS, name)) return UNSUPPORTED;
  // π and e: transcendental, so a random residue; "different" is then left to the caller
  return randomFunction(name, [], s);
}

function binaryResidue(expr: Extract<Expr, { kind: 'bin' }>, s: PointState): number {
  const { p } = s.field;
  if (expr.op === '^') return powerResidue(expr, s);
  const a = residue(expr.left, s);
  if (a < 0) return a;
  const b = residue(expr.right, s);
  if (b < 0) return b;
  switch (expr.op) {
    case '+':
      return fieldOps.add(a, b, p);
    case '-':
      return fieldOps.sub(a, b, p);
    case '*':
      return fieldOps.mul(a, b, p);
    case '/': {
      const inverse = fieldOps.inv(b, p);
      return inverse === null ? POLE : fieldOps.mul(a, inverse, p);
    }
  }
}

function powerResidue(expr: Extract<Expr, { kind: 'bin' }>, s: PointState): number {
  const base = residue(expr.left, s);
  if (base < 0) return base;
  const exponent = constantInteger(expr.right, s.scope);
  if (exponent === null) {
    const e = residue(expr.right, s);
    return e < 0 ? e : randomFunction('^', [base, e], s);
  }
  const { p } = s.field;
  if (exponent >= 0) return powMod(base, exponent, p);
  const inverse = fieldOps.inv(base, p);
  return inverse === null ? POLE : powMod(inverse, -exponent, p);
}

function factorialResidue(expr: Extract<Expr, { kind: 'fact' }>, s: PointState): number {
  const n = constantInteger(expr.arg, s.scope);
  if (n === null || n < 0 || n > 10_000) {
    const a = residue(expr.arg, s);
    return a < 0 ? a : randomFunction('!', [a], s);
  }
  let product = 1;
  for (let k = 2; k <= n; k++) product = fieldOps.mul(product, k % s.field.p, s.field.p);
  return product;
}

/** An exponent written with constants only that is an integer (`6000`, `-2`, `3!`); else null. */
function constantInteger(expr: Expr, scope: Scope): number | null {
  if (expr.kind === 'num')
    return Number.isSafeInteger(expr.value) && Math.abs(expr.value) <= MAX_EXPONENT ? expr.value : null;
  if (expr.kind === 'neg' && expr.arg.kind === 'num') {
    const inner = constantInteger(expr.arg, scope);
    return inner === null ? null : -inner;
  }
  try {
    const value = evaluate(expr, scope);
    return Number.isInteger(value) && Math.abs(value) <= 1_000_000 ? value : null;
  } catch (error) {
    // a free variable or an exponent too large to evaluate: not a constant integer
    if (error instanceof MathLimitError || error instanceof UnknownNameError) return null;
    throw error;
  }
}

/** A function nobody here can evaluate exactly, as a random function of its arguments' residues. */
function randomFunction(name: string, args: readonly number[], s: PointState): number {
  s.opaque = true;
  return hashString(`${name}(${args.join(',')})#${s.seed}`) % s.field.p;
}
