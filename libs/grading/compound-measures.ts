// One measure written in two units (`2 hours 30 minutes`, `5 feet and 3 inches`): read as the sum
// of its parts, bracketed, so `2 hours 30 minutes = 150 minutes` is checked across units and never
// as `30 = 150`. The second unit must be a smaller unit of the same kind as the first.
import type { Token } from '../../libs/math/index.js';
import { readUnit } from './unit-conversions.js';

export interface CompoundMeasure {
  /** The first unit, as written (`hours`). */
  unit: string;
  /** Where the second number stands. */
  numberAt: number;
  /** Where the second unit stands. */
  secondUnitAt: number;
}

/** The compound measure whose first unit is the token at `at` (right after its first number). */
export function compoundMeasureAt(
  tokens: readonly Token[],
  at: number,
  unitLetters: ReadonlySet<string>,
): CompoundMeasure | null {
  const unitOfToken = (token: Token | undefined) => unitOf(token, unitLetters);
  const first = unitOfToken(tokens[at]);
  if (!first) return null;
  let numberAt = at + 1;
  if (tokens[numberAt]?.kind === 'comma' || tokens[numberAt]?.text.toLowerCase() === 'and') numberAt++;
  if (tokens[numberAt]?.kind !== 'num') return null;
  const second = unitOfToken(tokens[numberAt + 1]);
  if (!second || second.dimension !== first.dimension || second.factor >= first.factor) return null;
  return { unit: tokens[at].text.toLowerCase(), numberAt, secondUnitAt: numberAt + 1 };
}

/** A unit word, or one of the problem's one-letter units (`3 h 20 min` where it speaks of hours). */
function unitOf(token: Token | undefined, unitLetters: ReadonlySet<string>) {
  if (token?.kind !== 'id' || token.latex || (token.text.length === 1 && !unitLetters.has(token.text))) return null;
  const reading = readUnit(token.text);
  return reading.kind === 'known' && reading.unit.dimension !== 'count' ? reading.unit : null;
}

export const openBracket = (like: Token): Token => ({ kind: 'open', text: '(', spaceBefore: true, latex: like.latex });
export const closeBracket = (like: Token): Token => ({
  kind: 'close',
  text: ')',
  spaceBefore: false,
  latex: like.latex,
});
export const plusSign = (like: Token): Token => ({ kind: 'op', text: '+', spaceBefore: true, latex: like.latex });
