// The pieces a region is made of (intervals, inequality chains, intersections) and the two
// helpers every region comparison needs, kept apart so answer-region.ts and relation-region.ts can
// share them without importing each other.
import type { Expr } from './expr.js';
import { exprToString } from './expr.js';

export type RegionPiece =
  | { kind: 'interval'; low: Expr; high: Expr; lowClosed: boolean; highClosed: boolean }
  | { kind: 'chain'; parts: Expr[]; rels: string[]; subject: Expr }
  /** `x > 1 and x < 3`: every piece holds (an intersection). */
  | { kind: 'all'; pieces: RegionPiece[] };

export interface Region {
  kind: 'region';
  pieces: RegionPiece[];
  /** The variable the region constrains (`a`, `z`, `f(x)`), null for a bare interval. */
  variable: string | null;
  /** `x < y \\le z`: a relation between several variables (relation-region.ts decides those). */
  variables?: string[];
}

export function holds(rel: string, a: number, b: number): boolean {
  switch (rel) {
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

export function pieceText(piece: RegionPiece): string {
  if (piece.kind === 'all') return piece.pieces.map(pieceText).join('&');
  return piece.kind === 'interval'
    ? `${exprToString(piece.low)},${exprToString(piece.high)}`
    : piece.parts.map(exprToString).join(piece.rels.join(''));
}
