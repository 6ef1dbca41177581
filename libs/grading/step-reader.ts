// Finds the math in one line of prose: runs of math tokens become items (`16 - 3 - 4 = 9`,
// `x = 0`), each with the prose words before it, which say whether it is a binding, a location,
// a conclusion or a solution. Unit words inside arithmetic (`200 pink lilies / 5`) are skipped.
import type { Expr, Token } from '../../libs/math/index.js';
import { KNOWN_NAMES, normalizeText, parseTokens, tokenize } from '../../libs/math/index.js';

export interface MathItem {
  /** The chain's parts (`a = b = c` has three) and the relations between them. */
  parts: Expr[];
  rels: string[];
  /** Lower-cased prose since the previous item (`when`, `critical points`, `最大值为`). */
  before: string;
}

const END_PUNCT = new Set([':', ';', '.', '?', '!', '"']);
const POISON = new Set(['#', '±', '≡', '…', '∪', '∩', '∅', '→', '@', '&', '\\']);
const MAX_UNIT_WORDS = 4;
const CONNECTIVE_WORDS = new Set(['and', 'or', 'so', 'then', 'thus', 'hence', 'therefore']);

export function readStep(text: string, definedFunctions: ReadonlySet<string>, knownVariables: ReadonlySet<string> = new Set()): MathItem[] {
  const tokens = tokenize(normalizeText(text));
  const items: MathItem[] = [];
  let run: Token[] = [];
  let prose: string[] = [];
  let poisoned = false;
  let depth = 0;
  const flush = (poisonAfter = false) => {
    if (run.length && !poisoned && !poisonAfter) {
      const item = toItem(run, prose.join(' ').toLowerCase(), definedFunctions);
      if (item) items.push(item);
    }
    if (run.length) prose = [];
    run = [];
    depth = 0;
    poisoned = false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isMathToken(tokens, i, definedFunctions, depth) || (tokens[i].kind === 'id' && knownVariables.has(tokens[i].text))) {
      if (token.kind === 'open') depth++;
      if (token.kind === 'close') depth = Math.max(0, depth - 1);
      run.push(token);
      continue;
    }
    if (run.length && endsWithValue(run)) {
      const skip = unitWordsToSkip(tokens, i, definedFunctions);
      if (skip > 0) { i += skip - 1; continue; }
    }
    if (token.kind === 'punct' && POISON.has(token.text)) { flush(true); poisoned = true; prose.push(token.text); continue; }
    flush();
    if (token.kind === 'comma' || (token.kind === 'punct' && END_PUNCT.has(token.text))) prose.push(token.text);
    else prose.push(token.text);
  }
  flush();
  return items;
}

function endsWithValue(run: Token[]): boolean {
  const last = run[run.length - 1];
  return last.kind === 'num' || last.kind === 'close' || (last.kind === 'op' && last.text === '%');
}

/** Words between a number and an operator are units: `200 pink calla lilies / 5`, `$12/hour * 5`. */
function unitWordsToSkip(tokens: Token[], at: number, defined: ReadonlySet<string>): number {
  let j = at;
  if (tokens[j].kind === 'op' && tokens[j].text === '/' && isWord(tokens[j + 1], defined)) {
    j++;
    while (j < tokens.length && isWord(tokens[j], defined) && j - at <= MAX_UNIT_WORDS) j++;
    const next = tokens[j];
    return next && ((next.kind === 'op' && next.text !== '%') || next.kind === 'rel') ? j - at : 0;
  }
  while (j < tokens.length && isWord(tokens[j], defined) && j - at < MAX_UNIT_WORDS) {
    if (CONNECTIVE_WORDS.has(tokens[j].text.toLowerCase())) return 0;
    j++;
  }
  if (j === at) return 0;
  const next = tokens[j];
  if (!next) return 0;
  const isSign = (next.text === '-' || next.text === '+') && next.spaceBefore && tokens[j + 1] && !tokens[j + 1].spaceBefore;
  if (next.kind === 'op' && '+-*/^'.includes(next.text) && !isSign) return j - at;
  if (next.kind === 'rel' && next.text === '=') return j - at;
  return 0;
}

function isWord(token: Token | undefined, defined: ReadonlySet<string>): boolean {
  if (!token) return false;
  if (token.kind === 'word') return true;
  return token.kind === 'id' && !token.latex && token.text.length > 1 && !KNOWN_NAMES.has(token.text) && !defined.has(token.text);
}

function isMathToken(tokens: Token[], i: number, defined: ReadonlySet<string>, depth: number): boolean {
  const token = tokens[i];
  switch (token.kind) {
    case 'num': case 'open': case 'close': return true;
    case 'op': return token.text !== '!' || (i > 0 && !token.spaceBefore);
    case 'rel': return true;
    case 'comma': return depth > 0;
    case 'id': return isMathId(tokens, i, defined);
    default: return false;
  }
}

function isMathId(tokens: Token[], i: number, defined: ReadonlySet<string>): boolean {
  const token = tokens[i];
  const name = token.text;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const nextIsMath = next !== undefined && (next.kind === 'rel' || next.kind === 'op' || (next.kind === 'open' && !next.spaceBefore));
  if (token.latex) return !CONNECTIVE_WORDS.has(name) || nextIsMath;
  if (defined.has(name) || name.endsWith("'")) return true;
  if (KNOWN_NAMES.has(name)) return name === 'pi' || nextIsMath || next?.kind === 'num' || next?.kind === 'id';
  if (name.length > 1 && !/^[A-Za-z]_\w+$/.test(name)) return false;
  const prevIsMath = prev !== undefined && !token.spaceBefore && (prev.kind === 'num' || prev.kind === 'close');
  const prevIsOperator = prev !== undefined && (prev.kind === 'op' || prev.kind === 'rel' || (prev.kind === 'open' && !token.spaceBefore));
  if (name === 'a' || name === 'A' || name === 'I') return prevIsMath || (next?.kind === 'rel') || (prevIsOperator && !!next && next.kind !== 'id');
  return prevIsMath || prevIsOperator || nextIsMath || next?.kind === 'close';
}

function toItem(run: Token[], before: string, defined: ReadonlySet<string>): MathItem | null {
  const segments: Token[][] = [[]];
  const rels: string[] = [];
  let depth = 0;
  for (const token of run) {
    if (token.kind === 'open') depth++;
    if (token.kind === 'close') depth--;
    if (token.kind === 'rel' && depth === 0) { rels.push(token.text); segments.push([]); continue; }
    segments[segments.length - 1].push(token);
  }
  if (segments[0].length === 0 && segments.length > 2) {
    // `Distance = 80 × 2.5 = 200`: the label is prose, the rest is the chain
    segments.shift();
    rels.shift();
  }
  if (segments.some((s) => s.length === 0)) return null;
  const parts: Expr[] = [];
  for (let k = 0; k < segments.length; k++) {
    const parsed = parseLenient(segments[k], defined, k === 0 ? 'front' : k === segments.length - 1 ? 'back' : 'none');
    if (!parsed) return null;
    parts.push(parsed);
  }
  return { parts, rels, before };
}

/** The first part may carry stray leading tokens and the last stray trailing ones. */
function parseLenient(tokens: Token[], defined: ReadonlySet<string>, trim: 'front' | 'back' | 'none'): Expr | null {
  const attempt = (slice: Token[]): Expr | null => {
    try {
      return slice.length ? parseTokens(slice, defined) : null;
    } catch {
      // a fragment that does not parse is not a claim
      return null;
    }
  };
  const whole = attempt(tokens);
  if (whole || trim === 'none') return whole;
  for (let cut = 1; cut < tokens.length && cut <= 6; cut++) {
    const slice = trim === 'front' ? tokens.slice(cut) : tokens.slice(0, tokens.length - cut);
    const parsed = attempt(slice);
    if (parsed) return parsed;
  }
  return null;
}
