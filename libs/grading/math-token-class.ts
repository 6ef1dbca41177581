// Which tokens of a step are math: numbers, operators and brackets always; a letter when it stands
// in math (`3x`, `x =`, `f(2)`), never a unit the problem speaks of, a label (`District C`) or a
// possessive (`Al's`).
import type { Token } from '../../libs/math/index.js';
import { DERIVATIVE_OPERATOR, KNOWN_NAMES } from '../../libs/math/index.js';
import { isUnitLetterAt } from './unit-letters.js';
import type { ReadingNames } from './unit-words.js';
import { isMinutesAt, possessiveAt } from './unit-words.js';

const CONNECTIVE_WORDS = new Set(['and', 'or', 'so', 'then', 'thus', 'hence', 'therefore']);

export function isMathToken(tokens: Token[], i: number, reading: ReadingNames, depth: number): boolean {
  const token = tokens[i];
  switch (token.kind) {
    case 'num':
    case 'open':
    case 'close':
      return true;
    case 'op':
      return token.text !== '!' || (i > 0 && !token.spaceBefore);
    case 'rel':
      return true;
    case 'comma':
      return depth > 0;
    case 'id':
      return !isUnitLetterAt(tokens, i, reading.unitLetters) && isMathId(tokens, i, reading.defined);
    default:
      return false;
  }
}

function isMathId(tokens: Token[], i: number, defined: ReadonlySet<string>): boolean {
  const token = tokens[i];
  const name = token.text;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const nextIsMath =
    next !== undefined && (next.kind === 'rel' || next.kind === 'op' || (next.kind === 'open' && !next.spaceBefore));
  if (token.latex) return !CONNECTIVE_WORDS.has(name) || nextIsMath;
  if (possessiveAt(tokens, i) > 0 || isMinutesAt(tokens, i, defined)) return false;
  if (defined.has(name) || name.endsWith("'")) return true;
  if (isLabelLetter(tokens, i)) return false;
  if (KNOWN_NAMES.has(name)) return name === 'pi' || nextIsMath || next?.kind === 'num' || next?.kind === 'id';
  // `d/dx (2x)` in plain text: the derivative operator applied to a bracket is math
  if (DERIVATIVE_OPERATOR.test(name) && next?.kind === 'open') return true;
  // `log_2(8)`, read as `logbase_2`: a logarithm to a base, applied to what follows
  if (name.startsWith('logbase_') && (next?.kind === 'open' || next?.kind === 'num')) return true;
  if (name.length > 1 && !/^[A-Za-z]_\w+$/.test(name)) return false;
  const prevIsMath = prev !== undefined && !token.spaceBefore && (prev.kind === 'num' || prev.kind === 'close');
  const prevIsOperator =
    prev !== undefined && (prev.kind === 'op' || prev.kind === 'rel' || (prev.kind === 'open' && !token.spaceBefore));
  if (name === 'a' || name === 'A' || name === 'I')
    return prevIsMath || next?.kind === 'rel' || (prevIsOperator && !!next && next.kind !== 'id');
  return prevIsMath || prevIsOperator || nextIsMath || next?.kind === 'close';
}

/** `District C`, `Plan A and B`: a capital letter after a capitalised noun mid-sentence names a thing. */
function isLabelLetter(tokens: Token[], i: number, depth = 0): boolean {
  const token = tokens[i];
  if (token.latex || !/^[A-Z]$/.test(token.text) || depth > 3) return false;
  const prev = tokens[i - 1];
  const before = tokens[i - 2];
  if (
    prev?.kind === 'id' &&
    !prev.latex &&
    /^[A-Z][a-z]+$/.test(prev.text) &&
    !KNOWN_NAMES.has(prev.text) &&
    (before?.kind === 'id' || before?.kind === 'word')
  )
    return true;
  const joined = prev && (prev.text === 'and' || prev.text === 'or' || prev.kind === 'comma');
  return Boolean(joined) && before?.kind === 'id' && isLabelLetter(tokens, i - 2, depth + 1);
}
