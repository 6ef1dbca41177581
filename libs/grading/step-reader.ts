// Finds the math in one line of prose: runs of math tokens become items (`16 - 3 - 4 = 9`,
// `x = 0`), each with the prose words before it, which say whether it is a binding, a location,
// a conclusion or a solution. Unit words inside arithmetic (`200 pink lilies / 5`) are skipped.
import type { Expr, Token } from '../../libs/math/index.js';
import { KNOWN_NAMES, normalizeText, parseTokens, tokenize } from '../../libs/math/index.js';
import { isUnitWord, timesToken, unitPhraseAt, wordsBeforeOperand } from './unit-words.js';

export interface MathItem {
  /** The chain's parts (`a = b = c` has three) and the relations between them. */
  parts: Expr[];
  rels: string[];
  /** Lower-cased prose since the previous item (`when`, `critical points`, `最大值为`). */
  before: string;
}

const POISON = new Set(['#', '±', '≡', '…', '∪', '∩', '∅', '→', '@', '&', '\\']);
const QUANTITY_JOINS = new Set(['of', 'in', 'per', 'for']);
const CONNECTIVE_WORDS = new Set(['and', 'or', 'so', 'then', 'thus', 'hence', 'therefore']);

export function readStep(
  text: string,
  definedFunctions: ReadonlySet<string>,
  knownVariables: ReadonlySet<string> = new Set(),
): MathItem[] {
  const tokens = tokenize(normalizeText(text));
  const items: MathItem[] = [];
  let run: Token[] = [];
  let prose: string[] = [];
  let poisoned = false;
  let depth = 0;
  let labelHead = false;
  let cutOff = false;
  let skipTo = 0;
  let afterValue = false;
  let headHasUnit = false;
  const flush = (poisonAfter = false) => {
    // `24 eggs in 1 tray x 2 trays`: math that starts inside a compound quantity is not a claim
    const insideQuantity = afterValue && headHasUnit && isQuantityJoin(prose);
    if (run.length && !poisoned && !poisonAfter && !(insideQuantity && run.some((t) => t.kind === 'rel'))) {
      const item = toItem(
        items.length === 0 && isHeading(prose) ? dropDash(run) : run,
        prose.join(' ').toLowerCase(),
        definedFunctions,
        { labelHead, cutOff },
      );
      if (item) items.push(item);
    }
    if (run.length) {
      prose = [];
      afterValue = endsWithValue(run);
    }
    run = [];
    depth = 0;
    poisoned = false;
    labelHead = false;
    cutOff = false;
    headHasUnit = false;
  };
  const skipUnit = (at: number): boolean => {
    const unit = unitPhraseAt(tokens, at, definedFunctions);
    if (unit.skip === 0) return false;
    const next = tokens[at + unit.skip];
    // `Drop 8 degrees = 2 - 8 = -6`: a lone number with words before `=` is a label for the chain
    if (run.length === 1 && run[0].kind === 'num' && next?.kind === 'rel' && next.text === '=') labelHead = true;
    if (run.length === 1 && run[0].kind === 'num') headHasUnit = true;
    if (unit.times) run.push(timesToken(tokens[at]));
    skipTo = at + unit.skip - 1;
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // `$10/day` and `93 (average)` after a value are units, not a division or a product
    if (run.length && endsWithValue(run) && (token.kind === 'open' || (token.kind === 'op' && token.text === '/'))) {
      if (skipUnit(i)) {
        i = skipTo;
        continue;
      }
    }
    if (
      isMathToken(tokens, i, definedFunctions, depth) ||
      (tokens[i].kind === 'id' && knownVariables.has(tokens[i].text))
    ) {
      if (token.kind === 'open') depth++;
      if (token.kind === 'close') depth = Math.max(0, depth - 1);
      run.push(token);
      continue;
    }
    if (run.length && endsWithValue(run) && skipUnit(i)) {
      i = skipTo;
      continue;
    }
    if (run.length && endsWithOperator(run)) {
      const words = wordsBeforeOperand(tokens, i, definedFunctions);
      if (words > 0) {
        i += words - 1;
        continue;
      }
      // `(3/4)*number of novels`: the math goes on in words, so its last part is not a value
      if (isUnitWord(token, definedFunctions)) cutOff = true;
    }
    // `17·44 = 748 ≡ 1 (mod 83)`: congruence binds loosest, so the equalities before it are claims
    if (token.kind === 'punct' && POISON.has(token.text)) {
      flush(token.text !== '≡');
      poisoned = true;
      prose.push(token.text);
      continue;
    }
    flush();
    prose.push(token.text);
  }
  flush();
  return items;
}

function endsWithValue(run: Token[]): boolean {
  const last = run[run.length - 1];
  return last.kind === 'num' || last.kind === 'close' || (last.kind === 'op' && last.text === '%');
}

/** `Yams - 6 yams x $1.5`: a spaced dash before the first number is punctuation, not a minus. */
function dropDash(run: Token[]): Token[] {
  return run.length > 1 && run[0].kind === 'op' && run[0].text === '-' && run[0].spaceBefore && run[1].spaceBefore
    ? run.slice(1)
    : run;
}

/** `Yams - 6 yams`: a short capitalised label opening the step. */
function isHeading(prose: string[]): boolean {
  return prose.length > 0 && prose.length <= 3 && /^[A-Z]/.test(prose[0]) && prose.every((w) => /^[A-Za-z]/.test(w));
}

/** A number, a few words, then of/in/per/for: the next number is part of the same quantity. */
function isQuantityJoin(prose: string[]): boolean {
  return (
    prose.length > 0 &&
    prose.length <= 4 &&
    QUANTITY_JOINS.has(prose[prose.length - 1].toLowerCase()) &&
    prose.every((w) => /^[A-Za-z]/.test(w))
  );
}

function endsWithOperator(run: Token[]): boolean {
  const last = run[run.length - 1];
  return last.kind === 'op' && '+-*/^'.includes(last.text);
}

function isMathToken(tokens: Token[], i: number, defined: ReadonlySet<string>, depth: number): boolean {
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
      return isMathId(tokens, i, defined);
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
  if (defined.has(name) || name.endsWith("'")) return true;
  if (isLabelLetter(tokens, i)) return false;
  if (KNOWN_NAMES.has(name)) return name === 'pi' || nextIsMath || next?.kind === 'num' || next?.kind === 'id';
  if (name.length > 1 && !/^[A-Za-z]_\w+$/.test(name)) return false;
  const prevIsMath = prev !== undefined && !token.spaceBefore && (prev.kind === 'num' || prev.kind === 'close');
  const prevIsOperator =
    prev !== undefined && (prev.kind === 'op' || prev.kind === 'rel' || (prev.kind === 'open' && !token.spaceBefore));
  if (name === 'a' || name === 'A' || name === 'I')
    return prevIsMath || next?.kind === 'rel' || (prevIsOperator && !!next && next.kind !== 'id');
  return prevIsMath || prevIsOperator || nextIsMath || next?.kind === 'close';
}

interface RunShape {
  /** The first part is a lone number named by words before `=`: a label, not a value. */
  labelHead: boolean;
  /** The run ended in an operator followed by words: its last part is incomplete. */
  cutOff: boolean;
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

function toItem(run: Token[], before: string, defined: ReadonlySet<string>, shape: RunShape): MathItem | null {
  const segments: Token[][] = [[]];
  const rels: string[] = [];
  let depth = 0;
  for (const token of run) {
    if (token.kind === 'open') depth++;
    if (token.kind === 'close') depth--;
    if (token.kind === 'rel' && depth === 0) {
      rels.push(token.text);
      segments.push([]);
      continue;
    }
    segments[segments.length - 1].push(token);
  }
  if (segments[0].length === 0 && segments.length > 2) {
    // `Distance = 80 × 2.5 = 200`: the label is prose, the rest is the chain
    segments.shift();
    rels.shift();
  }
  if (shape.labelHead && segments.length > 2) {
    segments.shift();
    rels.shift();
  }
  if (shape.cutOff && segments.length > 1) {
    segments.pop();
    rels.pop();
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
