// A step that opens with `=` (`= 180 / 3`, then `= 60 miles per hour`) goes on with the chain the
// step before ended on: the previous step's last value is put in front of its parts, so every
// link across the lines is checked and the last line's value is the answer; an expression goes on
// the same way (`(x + 1)^2`, then `= x^2 + 2x + 1`, an identity). A formula in words (`Speed =
// distance / time`) is prose, with nothing to go on from: the next line's chain stands alone.
import type { Expr } from '../../libs/math/index.js';
import { literals } from '../../libs/math/index.js';
import type { MathItem } from './math-item.js';

/** Joins a continuing first item to the previous step's tail (in place: the items are fresh). */
export function joinContinuation(items: MathItem[], tail: Expr | null): MathItem[] {
  const first = items[0];
  if (!first?.continues || !tail) return items;
  first.parts.unshift(tail);
  first.rels.unshift('=');
  first.units.unshift(null);
  first.literalUnits.unshift(literals(tail).map(() => null));
  return items;
}

/**
 * What a step ends on, for a next step that opens with `=`: the last part of its last chain (or of
 * bare math, `3 * (4 + 5)`). A number stated in prose (`The answer is 4`) is no chain to go on with.
 */
export function chainTailOf(items: readonly MathItem[]): Expr | null {
  const last = items[items.length - 1];
  if (!last || (last.rels.length === 0 && last.before.trim() !== '')) return null;
  const tail = last.parts[last.parts.length - 1];
  return tail.kind === 'list' ? null : tail;
}
