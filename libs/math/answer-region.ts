// Subsets of the real line written as answers: inequality chains (`-793 < a < 10`, `1 \le |z| \le 3/2`,
// `0 < f(x) < 1`), intervals and their unions (`[-3/2, -1] \cup [1, 3/2]`). Two regions are the same
// set when they agree on membership at every boundary point, just beside it, between boundaries and
// at points seeded from the inputs (so `|z|` chains need no solver).
import type { Expr } from './expr.js';
import { exprToString, freeSymbols } from './expr.js';
import { evaluate, EMPTY_SCOPE } from './evaluate.js';
import { CONSTANTS, FUNCTION_ARITY } from './known-names.js';
import { hashString, seededRandom } from './seeded-random.js';
import { sameRelation } from './relation-region.js';
import type { Region, RegionPiece } from './region-pieces.js';
import { holds, pieceText } from './region-pieces.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

export type { Region, RegionPiece } from './region-pieces.js';
export { holds, pieceText } from './region-pieces.js';

const ORDER_RELATIONS = new Set(['<', '<=', '>', '>=']);
const RANDOM_POINTS = 48;

function isConstant(expr: Expr): boolean {
  return [...freeSymbols(expr)].every((name) => Object.hasOwn(CONSTANTS, name));
}

/** `a < b <= c` with exactly one non-constant part becomes a region of that part's variable. */
export function chainRegion(parts: Expr[], rels: string[]): Region | null {
  // `x \\neq 3`: everything but a point, as the union `x < 3` or `x > 3`
  if (rels.length === 1 && rels[0] === '!=') {
    const [below, above] = [chainRegion(parts, ['<']), chainRegion(parts, ['>'])];
    return below && above ? { ...below, pieces: [...below.pieces, ...above.pieces] } : null;
  }
  if (rels.length === 0 || !rels.every((r) => ORDER_RELATIONS.has(r))) return null;
  const subjects = parts.filter((p) => !isConstant(p));
  if (subjects.length !== 1) return null;
  const subject = subjects[0];
  const symbols = [...freeSymbols(subject)].filter((n) => !Object.hasOwn(CONSTANTS, n));
  // `0 < f(x) < 1`: an unknown function's value is itself the quantity constrained
  const opaque = subject.kind === 'call' && !Object.hasOwn(FUNCTION_ARITY, subject.name);
  if (!opaque && symbols.length !== 1) return null;
  return {
    kind: 'region',
    pieces: [{ kind: 'chain', parts, rels, subject }],
    variable: opaque ? exprToString(subject) : symbols[0],
  };
}

export function intervalPiece(low: Expr, high: Expr, lowClosed: boolean, highClosed: boolean): RegionPiece {
  return { kind: 'interval', low, high, lowClosed, highClosed };
}

function value(expr: Expr): number {
  try {
    return evaluate(expr, EMPTY_SCOPE);
  } catch (error) {
    rethrowUnlessMathLimit(error);
    // an endpoint that cannot be evaluated makes membership undecidable there
    return NaN;
  }
}

function subjectValue(piece: Extract<RegionPiece, { kind: 'chain' }>, expr: Expr, x: number): number {
  if (expr === piece.subject) {
    if (piece.subject.kind === 'call' && !Object.hasOwn(FUNCTION_ARITY, piece.subject.name)) return x;
    const name = [...freeSymbols(expr)].find((n) => !Object.hasOwn(CONSTANTS, n))!;
    try {
      return evaluate(expr, { vars: new Map([[name, x]]), functions: new Map() });
    } catch (error) {
      rethrowUnlessMathLimit(error);
      // undefined at this point (e.g. sqrt of a negative): not a member
      return NaN;
    }
  }
  return value(expr);
}

function contains(region: Region, x: number): boolean {
  return region.pieces.some((piece) => pieceContains(piece, x));
}

function pieceContains(piece: RegionPiece, x: number): boolean {
  {
    if (piece.kind === 'all') return piece.pieces.every((p) => pieceContains(p, x));
    if (piece.kind === 'interval') {
      const [low, high] = [value(piece.low), value(piece.high)];
      return (piece.lowClosed ? x >= low : x > low) && (piece.highClosed ? x <= high : x < high);
    }
    const values = piece.parts.map((p) => subjectValue(piece, p, x));
    if (values.some(Number.isNaN)) return false;
    return piece.rels.every((rel, k) => holds(rel, values[k], values[k + 1]));
  }
}

function boundaries(region: Region): number[] {
  return region.pieces.flatMap(pieceBoundaries);
}

function pieceBoundaries(piece: RegionPiece): number[] {
  if (piece.kind === 'all') return piece.pieces.flatMap(pieceBoundaries);
  const points: number[] = [];
  {
    const ends = piece.kind === 'interval' ? [piece.low, piece.high] : piece.parts.filter((p) => p !== piece.subject);
    for (const end of ends) {
      const v = value(end);
      if (Number.isFinite(v)) points.push(v, -v);
    }
  }
  return points;
}

/** `x > 1 and x < 3`: regions of one variable (or relations of several) that must all hold. */
export function intersectionOf(regions: readonly Region[]): Region | null {
  const single = new Set(regions.map((r) => r.variable).filter((v) => v !== null));
  const multi = regions.some((r) => r.variables);
  if (single.size > 1 && !multi) return null;
  const variables = [...new Set(regions.flatMap((r) => r.variables ?? (r.variable ? [r.variable] : [])))].sort();
  const pieces: RegionPiece[] = [
    { kind: 'all', pieces: regions.map((r): RegionPiece => ({ kind: 'all', pieces: r.pieces })) },
  ];
  return multi || variables.length > 1
    ? { kind: 'region', pieces, variable: null, variables }
    : { kind: 'region', pieces, variable: variables[0] ?? null };
}

/** `x < 1 or x > 2`: regions of one variable (or bare intervals) joined into their union. */
export function unionOf(regions: readonly Region[]): Region | null {
  const variables = new Set(regions.map((r) => r.variable).filter((v) => v !== null));
  const pieces = regions.flatMap((r) => r.pieces);
  if (regions.some((r) => r.variables)) {
    const all = [...new Set(regions.flatMap((r) => r.variables ?? (r.variable ? [r.variable] : [])))].sort();
    return { kind: 'region', pieces, variable: null, variables: all };
  }
  if (variables.size > 1) return null;
  return { kind: 'region', pieces, variable: [...variables][0] ?? null };
}

/** Same set of reals: membership agrees at boundaries, beside them, between them and at seeded points. */
export function sameRegion(a: Region, b: Region): boolean {
  if (a.variables || b.variables) return sameRelation(a, b);
  if (a.variable !== null && b.variable !== null && a.variable !== b.variable) return false;
  const edges = [...new Set([...boundaries(a), ...boundaries(b), 0])].sort((x, y) => x - y);
  const span = Math.max(1, ...edges.map(Math.abs)) * 2;
  const points: number[] = [];
  edges.forEach((edge, k) => {
    const eps = 1e-7 * Math.max(1, Math.abs(edge));
    points.push(edge, edge - eps, edge + eps);
    if (k + 1 < edges.length) points.push((edge + edges[k + 1]) / 2);
  });
  points.push(edges[0] - span, edges[edges.length - 1] + span);
  const random = seededRandom(hashString(JSON.stringify([a.pieces, b.pieces].map((r) => r.map(pieceText)))));
  for (let k = 0; k < RANDOM_POINTS; k++) points.push((random() * 2 - 1) * span);
  return points.every((x) => contains(a, x) === contains(b, x));
}
