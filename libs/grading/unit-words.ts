// Unit phrases inside prose arithmetic: the words after a number that name what it counts
// (`7 tables * 6 sheets of paper per craft table`, `4 boxes * 9 cans/box`, `$36 / $4/hour`,
// `88 (mean) * 4 (exams)`, `5 vans x 8 seats/van`). They are skipped so the numbers around them
// join one computation; a phrase only counts as a unit when math goes on after it.
import type { Token } from '../../libs/math/index.js';
import { KNOWN_NAMES } from '../../libs/math/index.js';
import { isUnitLetterAt } from './unit-letters.js';

const MAX_UNIT_WORDS = 6;
/** Words that end a phrase: they join sentences or state facts, they never name a unit. */
export const NOT_UNIT_WORDS = new Set([
  'and',
  'or',
  'so',
  'then',
  'thus',
  'hence',
  'therefore',
  'because',
  'since',
  'as',
  'is',
  'are',
  'was',
  'were',
  'which',
  'that',
  'but',
  'if',
  'when',
  'while',
  'gives',
  'makes',
  'means',
  'equals',
  'leaves',
  'becomes',
  'be',
]);

/** What the reader knows about names: functions defined, and the problem's one-letter units. */
export interface ReadingNames {
  defined: ReadonlySet<string>;
  unitLetters: ReadonlySet<string>;
}

export interface UnitSkip {
  /** How many tokens the phrase covers (0: not a unit phrase). */
  skip: number;
  /** The phrase ends in `x` before a number (`6 girls x 2 boys`): a times sign follows it. */
  times: boolean;
}

const NONE: UnitSkip = { skip: 0, times: false };

export function isUnitWord(token: Token | undefined, defined: ReadonlySet<string>): boolean {
  if (!token) return false;
  if (token.kind === 'word') return !NOT_UNIT_WORDS.has(token.text.toLowerCase());
  return (
    token.kind === 'id' &&
    !token.latex &&
    token.text.length > 1 &&
    !KNOWN_NAMES.has(token.text) &&
    !defined.has(token.text) &&
    !NOT_UNIT_WORDS.has(token.text.toLowerCase())
  );
}

/**
 * The unit phrase after a number at `at` (`hours`, `cups of flour`, `km/h`), when what follows it
 * goes on with the arithmetic; `inBracket`: the run has a bracket open, so `)` goes on with it too
 * (`24 - (9 hours + 7 hours) = 8`).
 */
export function unitPhraseAt(tokens: Token[], at: number, reading: ReadingNames, inBracket = false): UnitSkip {
  const { defined, unitLetters } = reading;
  // `1Oak + 1/3Pine`: a name glued to a number counts a named thing, like a variable
  if (tokens[at]?.kind === 'id' && !tokens[at].spaceBefore && /^[A-Z][a-z]/.test(tokens[at].text)) return NONE;
  let j = at;
  let words = 0;
  let rate = false;
  while (j < tokens.length && words <= MAX_UNIT_WORDS) {
    const token = tokens[j];
    if (isUnitWord(token, defined) || isMinutesAt(tokens, j, defined) || isUnitLetterAt(tokens, j, unitLetters)) {
      j++;
      words++;
      continue;
    }
    if (token.kind === 'op' && token.text === '/' && isUnitWord(tokens[j + 1], defined)) {
      rate = true;
      j++;
      continue;
    }
    // `km/h`, `kb/s`: a one-letter time unit after a unit word and a slash, glued to it
    if (words > 0 && token.kind === 'op' && token.text === '/' && isTimeLetter(tokens[j + 1], defined)) {
      rate = true;
      j += 2;
      words++;
      continue;
    }
    const group = wordGroupAt(tokens, j, defined);
    if (group > 0) {
      words += group - 2;
      j += group;
      continue;
    }
    break;
  }
  if (words === 0 || words > MAX_UNIT_WORDS) return NONE;
  // `24 cm^3`, `16 m^2`: a square or cubic unit; the power belongs to the unit, not to the number
  if (isUnitPower(tokens, j)) j += 2;
  const next = tokens[j];
  // `12/hour` after a number is never a division by a variable: skip it wherever it ends
  if (!next) return rate && tokens[at].kind === 'op' ? { skip: j - at, times: false } : NONE;
  if (next.kind === 'id' && (next.text === 'x' || next.text === 'X') && !next.latex && tokens[j + 1]?.kind === 'num')
    return { skip: j - at + 1, times: true };
  const isSign =
    (next.text === '-' || next.text === '+') && next.spaceBefore && tokens[j + 1] && !tokens[j + 1].spaceBefore;
  if (next.kind === 'op' && '+-*/^'.includes(next.text) && !isSign) return { skip: j - at, times: false };
  if (next.kind === 'rel' && next.text === '=') return { skip: j - at, times: false };
  if (inBracket && next.kind === 'close' && next.text === ')') return { skip: j - at, times: false };
  if (rate && tokens[at].kind === 'op') return { skip: j - at, times: false };
  return NONE;
}

/** `60 min`: after a number and not applied to a bracket, `min` is minutes, not the minimum. */
export function isMinutesAt(tokens: Token[], at: number, defined: ReadonlySet<string>): boolean {
  const token = tokens[at];
  return (
    token?.kind === 'id' &&
    token.text === 'min' &&
    !token.latex &&
    !defined.has('min') &&
    tokens[at - 1]?.kind === 'num' &&
    tokens[at + 1]?.kind !== 'open'
  );
}

/**
 * `h`, `s`, `min` written glued after a slash (`km/h`): a time unit, unless it names something
 * defined. Longer unit words (`hr`, `sec`) are unit words already; `min` is also a function name.
 */
function isTimeLetter(token: Token | undefined, defined: ReadonlySet<string>): boolean {
  return (
    token !== undefined &&
    token.kind === 'id' &&
    !token.latex &&
    !token.spaceBefore &&
    TIME_LETTERS.has(token.text) &&
    !defined.has(token.text)
  );
}

const TIME_LETTERS = new Set(['h', 's', 'min']);

function isUnitPower(tokens: Token[], at: number): boolean {
  const [caret, power] = [tokens[at], tokens[at + 1]];
  return (
    caret?.kind === 'op' &&
    caret.text === '^' &&
    !caret.spaceBefore &&
    power?.kind === 'num' &&
    (power.text === '2' || power.text === '3') &&
    !(tokens[at + 2]?.kind === 'num')
  );
}

/** `(average)`: a bracketed run of words; returns the tokens it covers, brackets included. */
function wordGroupAt(tokens: Token[], at: number, defined: ReadonlySet<string>): number {
  if (tokens[at]?.kind !== 'open' || tokens[at].text !== '(') return 0;
  let k = at + 1;
  while (isUnitWord(tokens[k], defined)) k++;
  return k > at + 1 && tokens[k]?.kind === 'close' && tokens[k].text === ')' ? k - at + 1 : 0;
}

/** Prose between an operator and the number it applies to: `14 cousins + her 2 aunts`. */
export function wordsBeforeOperand(tokens: Token[], at: number, defined: ReadonlySet<string>): number {
  let j = at;
  let words = 0;
  while (j < tokens.length && words < 2) {
    const possessive = possessiveAt(tokens, j);
    if (possessive > 0) j += possessive;
    else if (isUnitWord(tokens[j], defined)) j++;
    else break;
    words++;
  }
  return j > at && tokens[j]?.kind === 'num' ? j - at : 0;
}

/** `Al's`: a name with a possessive s (read as `Al'` then `s`), never a derivative; its token count. */
export function possessiveAt(tokens: Token[], at: number): number {
  const name = tokens[at];
  const s = tokens[at + 1];
  const isPossessive =
    name?.kind === 'id' &&
    !name.latex &&
    /^[A-Za-z]+'$/.test(name.text) &&
    s?.kind === 'id' &&
    s.text === 's' &&
    !s.spaceBefore;
  return isPossessive ? 2 : 0;
}

/** A times sign standing for the `x` a unit phrase ended with. */
export function timesToken(like: Token): Token {
  return { kind: 'op', text: '*', spaceBefore: true, latex: like.latex };
}
