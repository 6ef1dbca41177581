// Real unit conversions (`15 gallons = 120 pints`, `2 hours = 120 minutes`, `3 dozen = 36`): an
// equation between two different numbers is true only when their units make it a known conversion.
// Everything else between different numbers is false arithmetic or, for units this table does not
// know (`5 boxes = 60 crayons`), a relation between different quantities that is left undecided.
import { NOT_UNIT_WORDS } from './unit-words.js';

export type UnitDimension = 'length' | 'time' | 'volume' | 'mass' | 'count' | 'money';

export interface KnownUnit {
  dimension: UnitDimension;
  /** Size in the dimension's base unit (metre, second, millilitre, gram, one thing, cent). */
  factor: number;
}

/** What the words after a number say about it. */
export type UnitReading =
  { kind: 'none' } | { kind: 'known'; word: string; unit: KnownUnit } | { kind: 'other'; word: string };

const US_CUP_ML = 236.5882365;

const UNITS: Record<string, KnownUnit> = {
  // one-letter symbols (`m`, `s`, `g`, `h`, `L`): the reader makes them unit phrases only where the
  // problem speaks of them (unit-letters.ts)
  m: { dimension: 'length', factor: 1 },
  s: { dimension: 'time', factor: 1 },
  g: { dimension: 'mass', factor: 1 },
  h: { dimension: 'time', factor: 3600 },
  l: { dimension: 'volume', factor: 1000 },
  mm: { dimension: 'length', factor: 0.001 },
  millimeter: { dimension: 'length', factor: 0.001 },
  cm: { dimension: 'length', factor: 0.01 },
  centimeter: { dimension: 'length', factor: 0.01 },
  meter: { dimension: 'length', factor: 1 },
  metre: { dimension: 'length', factor: 1 },
  km: { dimension: 'length', factor: 1000 },
  kilometer: { dimension: 'length', factor: 1000 },
  inch: { dimension: 'length', factor: 0.0254 },
  foot: { dimension: 'length', factor: 0.3048 },
  feet: { dimension: 'length', factor: 0.3048 },
  ft: { dimension: 'length', factor: 0.3048 },
  yard: { dimension: 'length', factor: 0.9144 },
  yd: { dimension: 'length', factor: 0.9144 },
  mile: { dimension: 'length', factor: 1609.344 },
  second: { dimension: 'time', factor: 1 },
  sec: { dimension: 'time', factor: 1 },
  minute: { dimension: 'time', factor: 60 },
  min: { dimension: 'time', factor: 60 },
  hour: { dimension: 'time', factor: 3600 },
  hr: { dimension: 'time', factor: 3600 },
  day: { dimension: 'time', factor: 86_400 },
  week: { dimension: 'time', factor: 604_800 },
  ml: { dimension: 'volume', factor: 1 },
  milliliter: { dimension: 'volume', factor: 1 },
  liter: { dimension: 'volume', factor: 1000 },
  litre: { dimension: 'volume', factor: 1000 },
  cup: { dimension: 'volume', factor: US_CUP_ML },
  pint: { dimension: 'volume', factor: 2 * US_CUP_ML },
  quart: { dimension: 'volume', factor: 4 * US_CUP_ML },
  gallon: { dimension: 'volume', factor: 16 * US_CUP_ML },
  mg: { dimension: 'mass', factor: 0.001 },
  gram: { dimension: 'mass', factor: 1 },
  kg: { dimension: 'mass', factor: 1000 },
  kilogram: { dimension: 'mass', factor: 1000 },
  ounce: { dimension: 'mass', factor: 28.349523125 },
  oz: { dimension: 'mass', factor: 28.349523125 },
  pound: { dimension: 'mass', factor: 453.59237 },
  lb: { dimension: 'mass', factor: 453.59237 },
  ton: { dimension: 'mass', factor: 907_184.74 },
  dozen: { dimension: 'count', factor: 12 },
  pair: { dimension: 'count', factor: 2 },
  cent: { dimension: 'money', factor: 1 },
  nickel: { dimension: 'money', factor: 5 },
  dime: { dimension: 'money', factor: 10 },
  quarter: { dimension: 'money', factor: 25 },
  dollar: { dimension: 'money', factor: 100 },
};

/** Words that follow a number without naming what it counts (`7 = 8 because …`, `5 in total`). */
const NOT_UNITS = new Set([
  ...NOT_UNIT_WORDS,
  ...['the', 'a', 'an', 'in', 'of', 'to', 'for', 'at', 'on', 'by', 'with', 'from', 'total', 'altogether'],
]);

/**
 * Chinese unit words (`3 小时 = 180 分钟`, `2 千克 = 2000 克`), each read as the English unit it
 * names. Longest first: a phrase is matched by the unit word it starts with (`分钟的` is minutes).
 * `分` alone (a minute, or a cent) and `元` (money with no smaller unit here) are left out.
 */
const CHINESE_UNITS: [string, string][] = [
  ['毫米', 'mm'],
  ['厘米', 'cm'],
  ['千米', 'km'],
  ['公里', 'km'],
  ['米', 'meter'],
  ['分钟', 'minute'],
  ['小时', 'hour'],
  ['秒钟', 'second'],
  ['秒', 'second'],
  ['星期', 'week'],
  ['周', 'week'],
  ['天', 'day'],
  ['毫升', 'ml'],
  ['升', 'liter'],
  ['千克', 'kg'],
  ['公斤', 'kg'],
  ['毫克', 'mg'],
  ['克', 'gram'],
];

/** The reading of a unit phrase (its first word decides): `gallons of water` -> gallon. */
export function readUnit(phrase: string | null | undefined): UnitReading {
  const word = (phrase ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
  const chinese = CHINESE_UNITS.find(([name]) => word.startsWith(name));
  if (chinese) return { kind: 'known', word: chinese[1], unit: UNITS[chinese[1]]! };
  if (!/^[a-z]+$/.test(word) || NOT_UNITS.has(word)) return { kind: 'none' };
  const singular = singularOf(word);
  const unit = UNITS[singular];
  return unit ? { kind: 'known', word: singular, unit } : { kind: 'other', word: singular };
}

function singularOf(word: string): string {
  if (Object.hasOwn(UNITS, word)) return word;
  if (word === 'inches') return 'inch';
  if (word === 'pennies') return 'cent';
  if (word.endsWith('s') && Object.hasOwn(UNITS, word.slice(0, -1))) return word.slice(0, -1);
  if (/(?:x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') && !word.endsWith('ss') && word.length > 3 ? word.slice(0, -1) : word;
}

export type ConversionVerdict =
  /** A real conversion that holds (`1 foot = 12 inches`). */
  | { kind: 'converts'; reason: string }
  /** The units make it a conversion, and it is wrong (`1 foot = 10 inches`). */
  | { kind: 'wrong_conversion'; reason: string }
  /** Different numbers with nothing that makes them equal (`7 = 8`, `7 apples = 8 apples`). */
  | { kind: 'false' }
  /** Quantities of kinds this table cannot relate (`5 boxes = 60 crayons`, `2 hours = 120 miles`). */
  | { kind: 'unrelated'; reason: string };

/** A number and the decimal places it was written with (null: an integer, taken as exact). */
export interface WrittenNumber {
  value: number;
  decimals: number | null;
}

/** Judges `a [unitA] = b [unitB]` for two numbers that differ as plain numbers. */
export function judgeConversion(
  left: WrittenNumber,
  unitA: UnitReading,
  right: WrittenNumber,
  unitB: UnitReading,
): ConversionVerdict {
  const a = left.value;
  const b = right.value;
  const from = asCount(unitA, unitB);
  const to = asCount(unitB, unitA);
  if (from.kind === 'known' && to.kind === 'known') {
    if (from.unit.dimension !== to.unit.dimension)
      return { kind: 'unrelated', reason: `${from.word} and ${to.word} measure different things` };
    const ratio = from.unit.factor / to.unit.factor;
    const expected = a * ratio;
    // `0.33 hours = 20 minutes`, `1 kg = 2.2 pounds`: a decimal is taken at the precision written
    const holds =
      Math.abs(expected - b) <= 1e-6 * Math.max(1, Math.abs(b)) ||
      roundsAt(expected, b, right.decimals) ||
      roundsAt(b / ratio, a, left.decimals);
    const shown = `${a} ${from.word} = ${round(expected)} ${to.word}`;
    return holds ? { kind: 'converts', reason: shown } : { kind: 'wrong_conversion', reason: `${shown}, not ${b}` };
  }
  // a bare equation (no unit on either side), one unit on both sides, or a bare number set equal
  // to a count of things (`2.4 = 5 buses`) is plain arithmetic
  if (unitA.kind === 'none' && unitB.kind !== 'known') return { kind: 'false' };
  if (unitB.kind === 'none' && unitA.kind !== 'known') return { kind: 'false' };
  if (unitA.kind !== 'none' && unitB.kind !== 'none' && unitA.word === unitB.word) return { kind: 'false' };
  // units this table cannot relate (`5 boxes = 60 crayons`), or a known unit beside a bare number
  // whose unit may be a symbol the reader drops (`$1 = 100 cents`)
  return { kind: 'unrelated', reason: `${describe(a, unitA)} and ${describe(b, unitB)} count different things` };
}

/**
 * A bare number (or one counting plain things) beside a counting unit (`3 dozen = 36`, `3 dozen eggs
 * = 36 eggs`) counts single things; beside coins
 * (`4 quarters = $1`) it is dollars: the reader drops the currency sign.
 */
function asCount(unit: UnitReading, other: UnitReading): UnitReading {
  // `3 dozen eggs = 36 eggs`, `2 pairs of socks = 4 socks`: the things themselves are single items
  if (unit.kind !== 'known' && other.kind === 'known' && other.unit.dimension === 'count')
    return { kind: 'known', word: 'single items', unit: { dimension: 'count', factor: 1 } };
  if (unit.kind === 'none' && other.kind === 'known' && other.unit.dimension === 'money' && other.word !== 'dollar')
    return { kind: 'known', word: 'dollar', unit: UNITS.dollar };
  return unit;
}

/** `exact` written with `decimals` places (half up) reads `written`. */
function roundsAt(exact: number, written: number, decimals: number | null): boolean {
  if (decimals === null || decimals <= 0) return false;
  return Math.abs(exact - written) <= 0.5 * 10 ** -decimals + 1e-9;
}

function describe(value: number, unit: UnitReading): string {
  return unit.kind === 'none' ? String(value) : `${value} ${unit.word}`;
}

function round(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
