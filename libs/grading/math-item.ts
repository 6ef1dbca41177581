// One math item of a step (a chain `a = b = c` with its prose around it), as the step reader finds
// it: its own module so the reader and the chain builder (item-chain.ts) share it without a cycle.
import type { Expr, SourceSpan } from '../../libs/math/index.js';

export interface MathItem {
  /** The chain's parts (`a = b = c` has three) and the relations between them. */
  parts: Expr[];
  rels: string[];
  /** Lower-cased prose since the previous item (`when`, `critical points`, `最大值为`). */
  before: string;
  /** Lower-cased prose after the item, up to the next one (`less`, `minutes of reading`). */
  after: string;
  /** The unit phrase written right after each part (`15 gallons = 120 pints`), null where none. */
  units: (string | null)[];
  /** Per part, the unit phrase written right after each of its numbers, in order (`1 hour + 30 minutes`). */
  literalUnits: (string | null)[][];
  /**
   * The step opens with `=` (`= 180 / 3`): the chain goes on from the previous step's last value,
   * which the step checker puts in front of its parts.
   */
  continues?: boolean;
  /**
   * Where in the raw step text the item was read from (UTF-16 offsets, end exclusive): from its first
   * token to its last as written. Worked out on first use (see readStep).
   */
  readonly span: SourceSpan;
}
