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
export function compoundMeasureAt(tokens: readonly Token[], at: number): CompoundMeasure | null {
  const first = unitOfToken(tokens[at]);
  if (!first) return null;
  let numberAt = at + 1;
  if (tokens[numberAt]?.kind === 'comma' || tokens[numberAt]?.text.toLowerCase() === 'and') numberAt++;
  if (tokens[numberAt]?.kind !== 'num') return null;
  const second = unitOfToken(tokens[numberAt + 1]);
  if (!second || second.dimension !== first.dimension || second.factor >= first.factor) return null;
  return { unit: tokens[at].text.toLowerCase(), numberAt, secondUnitAt: numberAt + 1 };
}

function unitOfToken(token: Token | undefined) {
  if (token?.kind !== 'id' || token.latex) return null;
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
