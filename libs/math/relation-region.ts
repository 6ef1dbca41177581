// Relations between several variables (`x < y`, `y \ne x`, `x < y \le z`): the set of points where
// they hold. Two are the same when they agree at every point of a small integer grid (where ties
// such as x = y, which tell `<` from `≤`, occur) and at points seeded from the inputs.
import type { Region, RegionPiece } from './region-pieces.js';
import { holds, pieceText } from './region-pieces.js';
import { EMPTY_SCOPE, evaluate } from './evaluate.js';
import type { Expr } from './expr.js';
import { unboundSymbols } from './equivalence.js';
import { MathLimitError } from './limits.js';
import { hashString, seededRandom } from './seeded-random.js';

const RELATIONS = new Set(['<', '<=', '>', '>=', '!=']);
const GRID = [-2, -1, 0, 1, 2];
const RANDOM_POINTS = 60;
const MAX_VARIABLES = 4;

/** `x < y \\le z`: a chain of order relations (or `≠`) over two to four variables. */
export function relationRegion(parts: Expr[], rels: string[]): Region | null {
  if (rels.length === 0 || !rels.every((r) => RELATIONS.has(r))) return null;
  const variables = unboundSymbols(parts, EMPTY_SCOPE);
  if (variables.length < 2 || variables.length > MAX_VARIABLES) return null;
  return { kind: 'region', pieces: [{ kind: 'chain', parts, rels, subject: parts[0] }], variable: null, variables };
}

function pieceHolds(piece: RegionPiece, point: Map<string, number>): boolean {
  if (piece.kind === 'all') return piece.pieces.every((p) => pieceHolds(p, point));
  if (piece.kind === 'interval') return false;
  const scope = { vars: point, functions: new Map() };
  let values: number[];
  try {
    values = piece.parts.map((p) => evaluate(p, scope));
  } catch (error) {
    if (error instanceof MathLimitError) return false;
    throw error;
  }
  if (values.some((v) => !Number.isFinite(v))) return false;
  return piece.rels.every((rel, k) => holds(rel, values[k], values[k + 1]));
}

function regionHolds(region: Region, point: Map<string, number>): boolean {
  const single = region.variable;
  if (!region.variables && single !== null && !point.has(single)) return false;
  return region.pieces.some((piece) => pieceHolds(piece, point));
}

function gridPoints(variables: string[]): Map<string, number>[] {
  let points: Map<string, number>[] = [new Map()];
  for (const name of variables) points = points.flatMap((p) => GRID.map((v) => new Map([...p, [name, v]])));
  return points;
}

export function sameRelation(a: Region, b: Region): boolean {
  const variables = [...new Set([...(a.variables ?? [a.variable]), ...(b.variables ?? [b.variable])])]
    .filter((v): v is string => v !== null)
    .sort();
  if (variables.length > MAX_VARIABLES) return false;
  const random = seededRandom(hashString([...a.pieces, ...b.pieces].map(pieceText).join('|')));
  const points = gridPoints(variables);
  for (let k = 0; k < RANDOM_POINTS; k++) points.push(new Map(variables.map((v) => [v, (random() * 2 - 1) * 6])));
  return points.every((point) => regionHolds(a, point) === regionHolds(b, point));
}
