// Sums across units of one kind (docs/grading.md, "Verdict of a step"): in `1 hour + 30 minutes = 90 minutes` the
// bare numbers (1 + 30 = 31) say nothing; the link is read again with each number in the kind's
// base unit (3600 s + 1800 s = 5400 s = 90 minutes). Where every number carries such a unit, that
// reading decides the link; where some number is bare (`2 dozen + 6 = 30`, the 6 counts single
// eggs) it can show that the link holds, and otherwise the bare reading's verdict stands. Products
// and rates (`60 minutes/hour × 2 hours`) are arithmetic on the bare numbers and are left alone.
import type { Expr, Scope } from '../../libs/math/index.js';
import { evaluate, formatNumber, literals, mapNumbers } from '../../libs/math/index.js';
import type { KnownUnit, UnitReading } from './unit-conversions.js';
import { readUnit } from './unit-conversions.js';

export type MixedUnitsLink =
  | { kind: 'not_mixed' }
  /** `units`: the units the link was read in (`hour, minute`), to say so in the reason. */
  | { kind: 'holds'; units: string }
  | { kind: 'fails'; reason: string };

/** One side of a link with the unit phrase written after each of its numbers, in order. */
export interface SideWithUnits {
  expr: Expr;
  units: readonly (string | null)[];
}

export function checkMixedUnits(left: SideWithUnits, right: SideWithUnits, scope: Scope): MixedUnitsLink {
  const readings = [left, right].map((side) => unitsOf(side));
  if (readings.some((units) => units === null)) return { kind: 'not_mixed' };
  const [leftUnits, rightUnits] = readings as UnitReading[][];
  const all = [...leftUnits, ...rightUnits];
  const dimension = mixedDimension(all);
  if (!dimension) return { kind: 'not_mixed' };
  const [leftShape, rightShape] = [shapeOf(left.expr, leftUnits), shapeOf(right.expr, rightUnits)];
  if (!leftShape || !rightShape) return { kind: 'not_mixed' };
  // a bare number in a sum of measures is in one of the units written beside it (`$3 + 50 cents`:
  // the 3 is dollars); a bare factor (`30 minutes × 2`) is a plain number
  const sizes = [...new Set(all.flatMap((unit) => (unit.kind === 'known' ? [unit.unit.factor] : [])))];
  const bareSizes = dimension === 'count' ? [1, ...sizes] : dimension === 'money' ? [DOLLAR, ...sizes] : sizes;
  const inBase = (side: SideWithUnits, units: readonly UnitReading[], shape: SideShape, bare: number) =>
    evaluate(
      inBaseUnit(
        side.expr,
        units.map((unit) => factorIn(unit, dimension, shape === 'sum' ? bare : 1)),
      ),
      scope,
    );
  let a = NaN;
  let b = NaN;
  for (const bare of bareSizes) {
    a = inBase(left, leftUnits, leftShape, bare);
    b = inBase(right, rightUnits, rightShape, bare);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return { kind: 'not_mixed' };
    if (Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b))) return { kind: 'holds', units: namesOf(all).join(', ') };
  }
  // only sums in which every number carries a unit of the kind are decided by this reading
  // (or where one side adds measures of different sizes: its bare numbers add unlike units)
  const decisive =
    (leftShape === 'sum' &&
      rightShape === 'sum' &&
      all.every((unit) => unit.kind === 'known' && unit.unit.dimension === dimension)) ||
    [leftUnits, rightUnits].some((units) => unlikeSizes(units, dimension));
  if (!decisive) return { kind: 'not_mixed' };
  const shown = rightUnits.length === 1 && rightUnits[0].kind === 'known' ? rightUnits[0] : null;
  return {
    kind: 'fails',
    reason: shown
      ? `in ${plural(shown.word)} the left side is ${formatNumber(a / shown.unit.factor)}, not ${formatNumber(b / shown.unit.factor)}`
      : 'the two sides differ once their units are the same',
  };
}

/**
 * `sum`: numbers added and subtracted (`1 hour + 30 minutes`); `scaled`: one measure times or over
 * plain numbers (`30 minutes × 2`, `90 minutes / 3`); null for anything else (a rate, a product of
 * measures), whose arithmetic is on the bare numbers.
 */
type SideShape = 'sum' | 'scaled';

function shapeOf(expr: Expr, units: readonly UnitReading[]): SideShape | null {
  if (addsOnly(expr)) return 'sum';
  const measures = units.filter((unit) => unit.kind === 'known').length;
  // several measures scale together only as one sum (`(2 hours + 30 minutes) × 2`)
  if (measures === 0 || (measures > 1 && !measuresInOneSum(expr, units, measures))) return null;
  // the measure must not be a divisor (`120 / 2 hours` is a rate)
  let at = 0;
  let divisor = false;
  const visit = (node: Expr, underDivisor: boolean): void => {
    if (node.kind === 'num') {
      if (units[at++]?.kind === 'known' && underDivisor) divisor = true;
    } else if (node.kind === 'neg') visit(node.arg, underDivisor);
    else if (node.kind === 'bin' && node.op !== '^') {
      visit(node.left, underDivisor);
      visit(node.right, underDivisor || node.op === '/');
    } else divisor = true;
  };
  visit(expr, false);
  return divisor ? null : 'scaled';
}

/** The unit phrases after a part's numbers name one kind of quantity in two sizes (`1 hour 30 minutes`). */
export function addsUnlikeUnits(phrases: readonly (string | null)[]): boolean {
  const units = phrases.map((phrase) => readUnit(phrase));
  const dimension = mixedDimension(units);
  return dimension !== null && unlikeSizes(units, dimension);
}

/** The side's numbers carry units of the dimension in more than one size (hours and minutes). */
function unlikeSizes(units: readonly UnitReading[], dimension: KnownUnit['dimension']): boolean {
  const sizes = new Set(
    units.flatMap((unit) => (unit.kind === 'known' && unit.unit.dimension === dimension ? [unit.unit.factor] : [])),
  );
  return sizes.size > 1;
}

/** Every number with a unit lies in one subexpression that only adds and subtracts. */
function measuresInOneSum(expr: Expr, units: readonly UnitReading[], measures: number): boolean {
  // `from`: the index of the node's first number among the side's numbers, in writing order
  const visit = (node: Expr, from: number): boolean => {
    const count = literals(node).length;
    const inside = units.slice(from, from + count).filter((unit) => unit.kind === 'known').length;
    if (inside < measures) return false;
    if (addsOnly(node)) return true;
    if (node.kind === 'neg') return visit(node.arg, from);
    return node.kind === 'bin' && (visit(node.left, from) || visit(node.right, from + literals(node.left).length));
  };
  return visit(expr, 0);
}

/** The unit reading of each number on the side; null when the numbers and the units do not pair up. */
function unitsOf(side: SideWithUnits): UnitReading[] | null {
  if (literals(side.expr).length !== side.units.length) return null;
  return side.units.map((phrase) => readUnit(phrase));
}

/**
 * The kind of quantity in which the numbers carry units of different sizes (hours and minutes,
 * dozens and single eggs), or null. A count unit (dozen, pair) makes the bare numbers beside it
 * single items.
 */
function mixedDimension(units: readonly UnitReading[]): KnownUnit['dimension'] | null {
  const sizes = new Map<KnownUnit['dimension'], Set<number>>();
  for (const unit of units)
    if (unit.kind === 'known')
      (sizes.get(unit.unit.dimension) ?? sizes.set(unit.unit.dimension, new Set()).get(unit.unit.dimension)!).add(
        unit.unit.factor,
      );
  for (const [dimension, factors] of sizes) {
    if (factors.size > 1) return dimension;
    // a bare number beside dozens counts single items; beside cents it is dollars (`$3 + 50 cents`:
    // the reader drops the currency sign)
    const bare = units.some((unit) => unit.kind !== 'known');
    if (bare && ((dimension === 'count' && !factors.has(1)) || (dimension === 'money' && !factors.has(DOLLAR))))
      return dimension;
  }
  return null;
}

/** The size of a number's unit in the dimension's base unit; `bare` for a number written without one. */
function factorIn(unit: UnitReading, dimension: KnownUnit['dimension'], bare: number): number | null {
  if (unit.kind === 'known') return unit.unit.dimension === dimension ? unit.unit.factor : null;
  return bare;
}

/** The expression with each number that carries a unit of the dimension scaled to its base unit. */
function inBaseUnit(expr: Expr, factors: readonly (number | null)[]): Expr {
  let at = 0;
  return mapNumbers(expr, (literal) => {
    const factor = factors[at++];
    return factor === null || factor === undefined || factor === 1
      ? literal
      : { kind: 'num', value: literal.value * factor, text: String(literal.value * factor), decimals: null };
  });
}

function addsOnly(expr: Expr): boolean {
  switch (expr.kind) {
    case 'num':
      return true;
    case 'neg':
      return addsOnly(expr.arg);
    case 'bin':
      return (expr.op === '+' || expr.op === '-') && addsOnly(expr.left) && addsOnly(expr.right);
    default:
      return false;
  }
}

/** `minute` -> `minutes`, `inch` -> `inches`, `foot` -> `feet`. */
function plural(word: string): string {
  if (word === 'foot') return 'feet';
  return /(?:ch|sh|s|x)$/.test(word) ? `${word}es` : `${word}s`;
}

function namesOf(units: readonly UnitReading[]): string[] {
  return [...new Set(units.flatMap((unit) => (unit.kind === 'known' ? [unit.word] : [])))];
}

/** A dollar in the money dimension's base unit (cents). */
const DOLLAR = 100;
