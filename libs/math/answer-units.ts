// A unit written after a numeric answer (`40 cm`, `40 \text{ cm}`, `12 m^2`): set aside when the
// other answer is a plain number (the same unit on both sides already compares as written). A short
// unit would otherwise read as a product of variables (`cm` as c·m) and a right answer would lose its
// points. Only a unit from the list below, or a `\text{…}` group with no digits, is taken for one; a
// different unit on each side (`40 cm` against `40 m`) is never set aside.

/** Unit abbreviations of two letters or fewer: longer unit words are prose to the answer reader already. */
const SHORT_UNITS = new Set([
  'mm',
  'cm',
  'dm',
  'm',
  'km',
  'in',
  'ft',
  'yd',
  'mi',
  'mg',
  'g',
  'kg',
  'lb',
  'oz',
  'ml',
  'mL',
  'l',
  'L',
  's',
  'h',
]);

const TEXT_GROUP = /\\(?:text|mbox|textrm|textnormal)\s*\{([^{}\d]*[A-Za-z][^{}\d]*)\}\s*$/;
const PLAIN_UNIT = /(?<=[\d.)}\s])\s*([A-Za-z]{1,2})\s*$/;
const POWER = /\s*(?:\^\s*\{?\s*[23]\s*\}?|[²³])\s*$/;

export interface UnitSplit {
  /** The answer without its unit. */
  value: string;
  /** The unit as written, runs of spaces made one (`square feet`, `cm^2`), or null where there was none. */
  unit: string | null;
}

/** Splits a trailing unit off an answer; `unit: null` (and the text unchanged) where there is none. */
export function splitUnit(answer: string): UnitSplit {
  const text = answer
    .trim()
    .replace(/^\$+|\$+$/g, '')
    .trim();
  const power = POWER.exec(text);
  const body = power ? text.slice(0, power.index) : text;
  const exponent = power
    ? power[0]
        .replace(/[\s{}^]/g, '')
        .replace('²', '2')
        .replace('³', '3')
    : '';
  const group = TEXT_GROUP.exec(body);
  const unit = group ? group[1].trim() : plainUnit(body);
  if (unit === null) return { value: answer, unit: null };
  const value = body.slice(0, group ? group.index : body.lastIndexOf(unit)).trim();
  if (!/\d/.test(value)) return { value: answer, unit: null };
  return { value, unit: `${unit.replace(/\s+/g, ' ')}${exponent ? `^${exponent}` : ''}` };
}

function plainUnit(body: string): string | null {
  const match = PLAIN_UNIT.exec(body);
  return match && SHORT_UNITS.has(match[1]) ? match[1] : null;
}
