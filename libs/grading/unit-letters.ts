// One-letter unit symbols (`24 m^2`, `5 m/s`, `20 s`, `300 g`, `2 L`). A lone letter after a number
// is a variable in algebra (`3 h = 12`), so the letter is a unit only where the problem itself
// speaks of that unit (`100 m`, `in metres`) and uses no such letter as an unknown.
import type { Token } from '../../libs/math/index.js';

/** Each symbol and the unit names that, in the problem, make it a unit. */
const UNIT_LETTER_NAMES: Record<string, RegExp> = {
  m: /\b(?:met(?:er|re)s?|square met(?:er|re))\b/i,
  s: /\bseconds?\b/i,
  g: /\bgrams?\b/i,
  h: /\bhours?\b/i,
  L: /\blit(?:er|re)s?\b/i,
};

/** `let h be`, `h =`, `h is the`, `h represents`: the text names the letter as an unknown. */
const UNKNOWN_LETTER = new Map(
  Object.keys(UNIT_LETTER_NAMES).map((letter) => [
    letter,
    new RegExp(
      `\\b[Ll]et\\s+${letter}\\b|(?<![\\d.]\\s?)\\b${letter}\\s*(?:=|be\\b|is\\b|represents?\\b|denotes?\\b|stands?\\b)`,
    ),
  ]),
);
const namesUnknown = (letter: string, text: string) => UNKNOWN_LETTER.get(letter)?.test(text) ?? false;

/**
 * The letters of the table that the statement uses as units (by symbol after a number, or by
 * name), less its `unknowns` (the letters its own math uses: `3m + 2 = 11`).
 */
export function unitLettersIn(statement: string, unknowns: ReadonlySet<string>): ReadonlySet<string> {
  const letters = new Set<string>();
  for (const [letter, names] of Object.entries(UNIT_LETTER_NAMES)) {
    if (unknowns.has(letter) || namesUnknown(letter, statement)) continue;
    // `100 m in`, `30 s.`, `5 m/s`: the symbol after a number, and no arithmetic on it (`3m + 2`)
    const bySymbol = new RegExp(`\\d\\s?${letter}(?=$|\\s*[.,;:!?)]|\\s+[A-Za-z]|/|\\^[23]\\b)`).test(statement);
    if (bySymbol || names.test(statement)) letters.add(letter);
  }
  return letters;
}

/**
 * The token at `at` is one of the problem's unit letters written as a unit: after a number
 * (`24 m^2`, `20 s`, `24m^2`), or after a unit and a slash (`m/s`), and not applied to a bracket.
 */
export function isUnitLetterAt(tokens: readonly Token[], at: number, unitLetters: ReadonlySet<string>): boolean {
  const token = tokens[at];
  if (token?.kind !== 'id' || token.latex || !unitLetters.has(token.text)) return false;
  if (tokens[at + 1]?.kind === 'open' && !tokens[at + 1].spaceBefore) return false;
  const prev = tokens[at - 1];
  const next = tokens[at + 1];
  // `4h = 12`, `3m + 2`: a letter glued to a number and followed by arithmetic is algebra's product
  const gluedProduct =
    !token.spaceBefore && (next?.kind === 'rel' || (next?.kind === 'op' && next.text !== '^' && next.text !== '/'));
  if (prev?.kind === 'num') return !gluedProduct;
  return (
    prev?.kind === 'op' &&
    prev.text === '/' &&
    !token.spaceBefore &&
    tokens[at - 2]?.kind === 'id' &&
    unitLetters.has(tokens[at - 2].text)
  );
}

/** The problem's unit letters that the step does not name as unknowns (`let m be the mass`). */
export function unitLettersInStep(text: string, unitLetters: ReadonlySet<string>): ReadonlySet<string> {
  if (unitLetters.size === 0) return unitLetters;
  const kept = new Set<string>();
  for (const letter of unitLetters) if (!namesUnknown(letter, text)) kept.add(letter);
  return kept;
}
