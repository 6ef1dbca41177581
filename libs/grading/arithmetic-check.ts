// Checks an equality chain whose parts have values (`16 - 3 - 4 = 9`, `f(-1) = -1 - 3 + 2 = -2`):
// every link must hold, with a decimal the student wrote taken at the precision written.
import type { Expr, Scope } from '../../libs/math/index.js';
import type { KnownValue } from './student-context.js';
import type { UnitReading } from './unit-conversions.js';
import { judgeConversion, readUnit } from './unit-conversions.js';
import { evaluate, exprToString, formatNumber, nearlyEqual, num, roundsTo } from '../../libs/math/index.js';
import { withExactValues } from './carried-rounding.js';
import { isMathLimit } from './math-errors.js';
import { checkMixedUnits } from './mixed-units.js';

/** What the reader saw around the chain: the unit after each part and the prose after it. */
export interface ChainNotes {
  units?: readonly (string | null)[];
  /** Per part, the unit phrase after each of its numbers (`1 hour + 30 minutes`). */
  literalUnits?: readonly (readonly (string | null)[])[];
  after?: string;
  before?: string;
  /** The values the student's work found so far (context.values): untainted ones stand behind rounded decimals. */
  known?: readonly KnownValue[];
}

/** `$1800 - $2000 = $200 less`, `the difference is 5 - 8 = 3`: words that say a difference is stated as a positive amount. */
const DIFFERENCE_BEFORE = /\b(?:difference|differ|differs|apart)\b|相差|差/;
const REVERSED_DIFFERENCE =
  /^(?:\S+\s+){0,2}?(?:less|more|fewer|short|cheaper|lower|higher|smaller|bigger|larger|shorter|longer|younger|older)\b/;

export type ChainCheck =
  /** `unitsRead`: some link holds only with its numbers' units (`1 hour + 30 minutes = 90 minutes`). */
  | { kind: 'holds'; values: number[]; unitsRead?: string }
  | { kind: 'fails'; values: number[]; link: number; reason: string }
  | { kind: 'unknown'; reason: string };

export function checkValueChain(
  parts: readonly Expr[],
  rels: readonly string[],
  scope: Scope,
  notes: ChainNotes = {},
): ChainCheck {
  const first = evaluateChain(parts, rels, scope, notes);
  if (first.kind !== 'fails' || !parts.some(hasPercent)) return first;
  // `100 - 20 = 80%`, `80 - 25% = 55` read percent as percentage points; accept it when that reading holds
  const asPoints = evaluateChain(parts, rels, { ...scope, percentAsNumber: true }, notes);
  if (asPoints.kind === 'holds') return asPoints;
  // `$40 + 20% = $48`, `$80 - 25% = $60`: a percent added to an amount is that percent of it
  const ofBase = parts.map(percentOfBase);
  if (ofBase.every((part, k) => part === parts[k])) return first;
  const asShare = evaluateChain(ofBase, rels, scope, notes);
  return asShare.kind === 'holds' ? asShare : first;
}

/** `a + p%` -> `a * (1 + p%)`, `a - p%` -> `a * (1 - p%)`, where `a` holds no percent itself. */
function percentOfBase(expr: Expr): Expr {
  if (expr.kind !== 'bin') return expr;
  const left = percentOfBase(expr.left);
  const right = percentOfBase(expr.right);
  if ((expr.op === '+' || expr.op === '-') && right.kind === 'pct' && !hasPercent(left)) {
    const share: Expr = { kind: 'bin', op: expr.op, left: num(1), right };
    return { kind: 'bin', op: '*', left, right: share };
  }
  return left === expr.left && right === expr.right ? expr : { ...expr, left, right };
}

function evaluateChain(parts: readonly Expr[], rels: readonly string[], scope: Scope, notes: ChainNotes): ChainCheck {
  let values: number[];
  try {
    values = parts.map((p) => evaluate(p, scope));
  } catch (error) {
    if (isMathLimit(error)) return { kind: 'unknown', reason: `could not evaluate: ${error.message}` };
    throw error;
  }
  if (values.some((v) => !Number.isFinite(v))) return { kind: 'unknown', reason: 'a value in the claim is undefined' };
  let unitsRead: string | undefined;
  for (let k = 1; k < parts.length; k++) {
    const left = parts[k - 1];
    const right = parts[k];
    const fails = (reason: string): ChainCheck => ({ kind: 'fails', values, link: k, reason });
    const plainReason = `${exprToString(left)} = ${formatNumber(values[k - 1])}, not ${exprToString(right)}`;
    // `3 of them = 15`, `1/2 of the cookies = 15`: a part of something, then an amount of that part;
    // `3 groups of 4 = 12`: the size of each group, then the whole
    if ((isPartOf(notes, k - 1) || isGroupSize(left, notes, k - 1)) && !nearlyEqual(values[k - 1], values[k])) {
      if (parts.length === 2)
        return {
          kind: 'unknown',
          reason: `${exprToString(left)} = ${exprToString(right)}: a part of something and an amount; not checked`,
        };
      continue;
    }
    if (
      (isLiteral(left) && isLiteral(right)) ||
      (isMeasure(left, notes, k - 1, parts.length) && isMeasure(right, notes, k, parts.length))
    ) {
      // two numbers side by side: equal only as the same number or through a real unit conversion
      const conversion = judgeConversion(
        { value: values[k - 1], decimals: writtenDecimals(left) },
        unitOf(notes, k - 1, parts.length),
        { value: values[k], decimals: writtenDecimals(right) },
        unitOf(notes, k, parts.length),
      );
      const same = linkHolds(left, right, values[k - 1], values[k], rels[k - 1] === '~=');
      if (conversion.kind === 'wrong_conversion') return fails(conversion.reason);
      if (same) continue;
      if (conversion.kind === 'converts') {
        unitsRead = conversion.reason;
        continue;
      }
      // `12 / 5 = 2.4 = 3 buses`: a decimal set equal to a whole number next to it is rounding to
      // whole items, a modelling step the arithmetic does not decide
      if (roundsToWhole(values[k - 1], values[k])) {
        if (parts.length === 2)
          return { kind: 'unknown', reason: `${exprToString(right)} rounds ${exprToString(left)} to a whole number` };
        continue;
      }
      if (conversion.kind === 'false') return fails(`${exprToString(left)} is not ${exprToString(right)}`);
      if (parts.length === 2)
        return {
          kind: 'unknown',
          reason: `${exprToString(left)} = ${exprToString(right)}: ${conversion.reason}; not checked`,
        };
      continue;
    }
    // `1 hour + 30 minutes = 90 minutes`: a sum across units is read in one unit, whatever the bare numbers say
    const mixed = mixedUnitsLink(left, right, k, parts.length, scope, notes);
    if (mixed.kind === 'holds') {
      unitsRead = mixed.units;
      continue;
    }
    if (mixed.kind === 'fails') return fails(`${exprToString(left)} = ${exprToString(right)}: ${mixed.reason}`);
    if (linkHolds(left, right, values[k - 1], values[k], rels[k - 1] === '~=')) continue;
    // `20 - 4 - 8 = 8 * 1/4 = 2`: a running computation that continues from the value just found
    if (k + 1 < parts.length && startsWithValue(right, values[k - 1])) continue;
    if (isReversedDifference(left, right, values[k - 1], values[k], k === parts.length - 1 ? notes : {})) continue;
    if (holdsWithCarriedRounding(left, right, values[k], scope, notes)) continue;
    return fails(plainReason);
  }
  return unitsRead ? { kind: 'holds', values, unitsRead } : { kind: 'holds', values };
}

/** `3.33 × 3 = 10` after `10 / 3 = 3.33`: the link holds with the exact value the 3.33 was rounded from. */
function holdsWithCarriedRounding(left: Expr, right: Expr, claimed: number, scope: Scope, notes: ChainNotes): boolean {
  const exact = withExactValues(left, notes.known ?? []);
  if (!exact) return false;
  const value = evaluate(exact, scope);
  return Number.isFinite(value) && linkHolds(exact, right, value, claimed, false);
}

/** Link k-1 -> k read with each number in its unit (`1 hour + 30 minutes = 90 minutes`). */
function mixedUnitsLink(left: Expr, right: Expr, k: number, count: number, scope: Scope, notes: ChainNotes) {
  const unitsAt = (at: number) => {
    const units = [...(notes.literalUnits?.[at] ?? [])];
    // the last part's unit may be the first words of the prose after the item (`= 90 minutes.`)
    if (at === count - 1 && units.length > 0 && units[units.length - 1] === null)
      units[units.length - 1] = notes.after ?? null;
    return units;
  };
  // most links carry no unit inside their numbers: nothing to read again
  const written = notes.literalUnits;
  if (!written || !(written[k - 1]?.some((unit) => unit !== null) || written[k]?.some((unit) => unit !== null)))
    return { kind: 'not_mixed' as const };
  try {
    return checkMixedUnits({ expr: left, units: unitsAt(k - 1) }, { expr: right, units: unitsAt(k) }, scope);
  } catch (error) {
    if (isMathLimit(error)) return { kind: 'not_mixed' as const };
    throw error;
  }
}

/** The words after part k start with `of` (`3 of them`, `1/2 of the cookies`): it counts a part. */
function isPartOf(notes: ChainNotes, k: number): boolean {
  return /^of\b/.test(notes.units?.[k] ?? '');
}

/** `3 groups of 4 = 12`: a number right after `<plural noun> of` that opens the chain sizes each group. */
function isGroupSize(part: Expr, notes: ChainNotes, k: number): boolean {
  return k === 0 && isLiteral(part) && /^[a-z]+s of$/.test(notes.before?.trim() ?? '');
}

/** The unit written after part k; the last part's unit may be the first words of the prose after it. */
function unitOf(notes: ChainNotes, k: number, count: number): UnitReading {
  const written = notes.units?.[k];
  if (written) return readUnit(written);
  return k === count - 1 ? readUnit(notes.after) : readUnit(null);
}

function roundsToWhole(a: number, b: number): boolean {
  return !Number.isInteger(a) && Number.isInteger(b) && Math.abs(a - b) < 1;
}

/** `$1800 - $2000 = $200 less`: a difference stated as a positive amount, said so in words. */
function isReversedDifference(left: Expr, right: Expr, a: number, b: number, notes: ChainNotes): boolean {
  const saysSo =
    (notes.after !== undefined && REVERSED_DIFFERENCE.test(notes.after.trim())) ||
    (notes.before !== undefined && DIFFERENCE_BEFORE.test(notes.before));
  return left.kind === 'bin' && left.op === '-' && nearlyEqual(a, -b) && b > 0 && isLiteral(right) && saysSo;
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

/**
 * `2 1/2` (read as `(2+1/2)`): a mixed number. A plain fraction is not taken for one number: in
 * `90 cm / 100 cm per metre` the unit belongs to its numerator, not to the quotient.
 */
function isMixedNumber(expr: Expr): boolean {
  return (
    expr.kind === 'bin' &&
    expr.op === '+' &&
    expr.left.kind === 'num' &&
    expr.right.kind === 'bin' &&
    expr.right.op === '/' &&
    expr.right.left.kind === 'num' &&
    expr.right.right.kind === 'num'
  );
}

/** `30 minutes`, `2 1/2 hours`: a number as written, or a mixed number with its unit of measure. */
function isMeasure(expr: Expr, notes: ChainNotes, k: number, count: number): boolean {
  return (
    isLiteral(expr) ||
    ((isMixedNumber(expr) || isSimpleFraction(expr, notes, k)) && unitOf(notes, k, count).kind === 'known')
  );
}

/**
 * `= 1/4 hour`: a fraction of two bare numbers, the unit after it, is one measure (not `12 inches
 * / 12 inches/foot`, a division of measures). Only where no unit is written inside it: with the
 * unit read on the denominator (`3/4 cup = …` mid-chain) the wider rule cost a checked slip.
 */
function isSimpleFraction(expr: Expr, notes: ChainNotes, k: number): boolean {
  const units = notes.literalUnits?.[k];
  return (
    expr.kind === 'bin' &&
    expr.op === '/' &&
    expr.left.kind === 'num' &&
    expr.right.kind === 'num' &&
    (units === undefined || units.every((unit) => unit === null))
  );
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
