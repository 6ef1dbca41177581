// Reads a final answer into a structured value: an expression, an equation, a set or solution list
// (`x = 0 or x = 2`), a tuple, an interval, named parts (`max = 2, min = -2`) or plain text.
// Prose around the answer (`The answer is`, `A:`, `答:`, units) and `\boxed{}` are unwrapped.
import type { Region } from './answer-region.js';
import { chainRegion, intersectionOf, intervalPiece, unionOf } from './answer-region.js';
import { relationRegion } from './relation-region.js';
import type { Expr } from './expr.js';
import { freeSymbols } from './expr.js';
import {
  DERIVATIVE_OPERATOR,
  FUNCTION_POWER,
  INTEGRAL_OPERATOR,
  isFunctionName,
  parseTokens,
  SUM_OPERATOR,
} from './expr-parser.js';
import { CONSTANTS, KNOWN_NAMES } from './known-names.js';
import type { Token } from './math-tokens.js';
import { tokenize } from './math-tokens.js';
import { normalizeText } from './normalize-text.js';
import { unwrapBoxed } from './boxed-answer.js';
import {
  baseNumerals,
  decimalComma,
  mathInProse,
  numberInSentence,
  plainMatrices,
  unescapeBackslashes,
} from './answer-text.js';
import { depthAt, semicolonsInBrackets, splitGluedConnectives, splitTopLevel } from './answer-tokens.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

export { unwrapBoxed };

export type AnswerValue =
  | { kind: 'expr'; expr: Expr; /** After `≈`: a rounding, compared at the places written. */ approximate?: boolean }
  | { kind: 'equation'; left: Expr; right: Expr }
  | { kind: 'set'; items: AnswerValue[]; variable?: string }
  | { kind: 'tuple'; items: AnswerValue[] }
  | { kind: 'interval'; low: Expr; high: Expr; lowClosed: boolean; highClosed: boolean }
  | { kind: 'named'; parts: Map<string, AnswerValue> }
  | Region
  | { kind: 'text'; text: string };

/** `a_3`, `V_1`, `S_MBCN`: a letter with a subscript is a name even outside LaTeX (so is `\log_2`). */
const SUBSCRIPTED = /^(?:[A-Za-z]|logbase)_[A-Za-z0-9]+$/;
const CONNECTIVES = new Set(['or', 'and', '或', '和', '及', '或者', '且', '以及']);
const PREFIX =
  /^(?:.*?\b(?:final answer|the answer is|answer is|answer|solutions? (?:is|are)|ans)\s*[:：]?|\s*(?:A|Answer)\s*[:：]|\s*答案?(?:是|为)?\s*[:：]?)/i;

export function readAnswer(raw: string): AnswerValue | null {
  // an escaped newline, not the start of `\\neq`, `\\negthinspace`, `\\not`, `\\nu`, …
  let text = unescapeBackslashes(raw).replace(
    /\\n(?!e[gq]|e(?![A-Za-z])|ot|u(?![A-Za-z])|ewline|abla|onumber|mid|leq|geq|i(?![A-Za-z]))/g,
    ' ',
  );
  text = mathInProse(unwrapBoxed(text)).trim();
  const prefixed = PREFIX.exec(text);
  if (prefixed && prefixed[0].length < text.length) text = text.slice(prefixed[0].length);
  text = text.trim().replace(/[.。]\s*$/, '');
  if (!text) return null;
  text = baseNumerals(decimalComma(numberInSentence(text)));
  const normalized = normalizeText(plainMatrices(text));
  const tokens = splitGluedConnectives(tokenize(normalized));
  const textValue = asText(tokens);
  const value = readTokens(semicolonsInBrackets(stripProse(tokens)));
  return value ?? textValue;
}

/** Drops prose words around the math (labels before, units after) but keeps connectives. */
function stripProse(tokens: Token[]): Token[] {
  const isProse = (t: Token) =>
    t.kind === 'word' ||
    (t.kind === 'id' &&
      !t.latex &&
      t.text.length > 2 &&
      !KNOWN_NAMES.has(t.text) &&
      !CONNECTIVES.has(t.text) &&
      !SUBSCRIPTED.test(t.text) &&
      !DERIVATIVE_OPERATOR.test(t.text) &&
      !FUNCTION_POWER.test(t.text) &&
      !SUM_OPERATOR.test(t.text) &&
      !INTEGRAL_OPERATOR.test(t.text));
  let start = 0;
  let end = tokens.length;
  // a leading `±` (`\\pm 2`) is the answer's sign, not punctuation
  const isSign = (t: Token) => t.kind === 'punct' && t.text === '±';
  while (start < end && (isProse(tokens[start]) || (tokens[start].kind === 'punct' && !isSign(tokens[start])))) start++;
  while (end > start && (isProse(tokens[end - 1]) || tokens[end - 1].kind === 'punct')) end--;
  return tokens.slice(start, end).filter((t) => !(t.kind === 'punct' && t.text === '\\'));
}

function asText(tokens: Token[]): AnswerValue | null {
  const words = tokens.filter((t) => t.kind !== 'punct').map((t) => t.text);
  if (words.length === 0 || !tokens.some((t) => t.kind === 'id' || t.kind === 'word')) return null;
  return { kind: 'text', text: words.join(' ') };
}

function readTokens(tokens: Token[]): AnswerValue | null {
  if (tokens.length === 0) return null;
  // `p=5,q=2;p=7,q=2` and `-12;-11;-10`: top-level semicolons separate whole answers
  const groups = splitTopLevel(tokens, (t) => t.kind === 'punct' && t.text === ';');
  if (groups.length > 1) {
    const values = groups.filter((g) => g.length > 0).map(readCommaList);
    if (values.some((v) => v === null)) return null;
    const read = values as AnswerValue[];
    const compound = read.some((v) => (v.kind === 'named' && v.parts.size > 1) || (v.kind === 'set' && !v.variable));
    return compound ? { kind: 'set', items: read } : combine(read);
  }
  return readCommaList(tokens);
}

function readCommaList(tokens: Token[]): AnswerValue | null {
  if (tokens.length === 0) return null;
  const items = splitTopLevel(
    tokens,
    (t) => t.kind === 'comma' || (CONNECTIVES.has(t.text) && (t.kind === 'id' || t.kind === 'word')),
  );
  if (items.some((item) => item.length === 0)) return null;
  const values = items.map(readItem);
  if (values.some((v) => v === null)) return null;
  const read = values as AnswerValue[];
  if (read.length === 1) return read[0];
  const joinedBy = (words: string[]) =>
    tokens.some((t) => (t.kind === 'id' || t.kind === 'word') && words.includes(t.text));
  return combine(read, joinedBy(['or', '或', '或者']) ? 'or' : joinedBy(['and', '且']) ? 'and' : null);
}

function combine(values: AnswerValue[], connective: 'or' | 'and' | null = null): AnswerValue {
  if (connective && values.length > 1 && values.every((v) => v.kind === 'region')) {
    const joined = connective === 'or' ? unionOf(values as Region[]) : intersectionOf(values as Region[]);
    if (joined) return joined;
  }
  const named = values.filter((v) => v.kind === 'named');
  if (named.length === values.length) {
    const names = named.flatMap((v) => [...(v as { parts: Map<string, AnswerValue> }).parts.keys()]);
    if (new Set(names).size === names.length) {
      return {
        kind: 'named',
        parts: new Map(named.flatMap((v) => [...(v as { parts: Map<string, AnswerValue> }).parts])),
      };
    }
    if (new Set(names).size === 1)
      return {
        kind: 'set',
        items: named.map((v) => [...(v as { parts: Map<string, AnswerValue> }).parts.values()][0]),
        variable: names[0],
      };
  }
  return { kind: 'set', items: values.flatMap((v) => (v.kind === 'set' && !v.variable ? v.items : [v])) };
}

function readItem(tokens: Token[]): AnswerValue | null {
  // `1 \\pm i`, `x = 3 \\pm \\sqrt 2`: one ± is the set of both values
  const pm = tokens.findIndex((t) => t.kind === 'punct' && t.text === '±');
  if (pm >= 0 && tokens.filter((t) => t.text === '±').length === 1) {
    const sign = (text: '+' | '-'): Token[] => tokens.map((t, i) => (i === pm ? { ...t, kind: 'op', text } : t));
    const values = [readItem(sign('+')), readItem(sign('-'))];
    return values[0] && values[1] ? combine(values as AnswerValue[]) : null;
  }
  // `\\sqrt{6} \\approx 2.449`, `\\approx 1.414`: an approximation chain is worth its last value
  const approx = tokens.map((t, i) => (t.kind === 'rel' && t.text === '~=' && depthAt(tokens, i) === 0 ? i : -1));
  const lastApprox = Math.max(...approx);
  if (lastApprox >= 0) {
    const value = lastApprox + 1 < tokens.length ? readItem(tokens.slice(lastApprox + 1)) : null;
    if (value?.kind !== 'expr') return null;
    // `\\frac{22}{7} \\approx 3.14`: an exact value written first is the claim; the decimal rounds it
    const head =
      lastApprox > 0
        ? parseExpr(
            tokens.slice(
              0,
              approx.find((i) => i >= 0),
            ),
          )
        : null;
    const exactHead = head && head.kind !== 'num' && [...freeSymbols(head)].every((n) => Object.hasOwn(CONSTANTS, n));
    if (head && exactHead) return { kind: 'expr', expr: head };
    return { ...value, approximate: true };
  }
  const union = splitTopLevel(tokens, (t) => t.kind === 'punct' && t.text === '∪');
  if (union.length > 1) return readUnion(union);
  const relAt = tokens.findIndex((t) => t.kind === 'rel');
  if (relAt >= 0) {
    const rel = tokens[relAt].text;
    if (rel !== '=' && rel !== 'in') return readInequality(tokens);
    const left = tokens.slice(0, relAt);
    const right = tokens.slice(relAt + 1);
    if (rel === 'in') return right.length ? readItem(right) : null;
    if (rel !== '=' || tokens.slice(relAt + 1).some((t) => t.kind === 'rel')) return null;
    if (right.length === 1 && right[0].kind === 'id' && left.every((t) => t.kind !== 'id'))
      return readItem([...right, tokens[relAt], ...left]);
    const rightValue = readItem(right);
    const leftExpr = parseExpr(left);
    if (!rightValue || !leftExpr) return null;
    if (
      leftExpr.kind === 'sym' ||
      (leftExpr.kind === 'call' && !isBuiltin(leftExpr.name)) ||
      (leftExpr.kind === 'list' && leftExpr.items.every((i) => i.kind === 'sym'))
    ) {
      if (rightValue.kind === 'expr' && leftExpr.kind === 'sym' && freeSymbols(rightValue.expr).has(leftExpr.name))
        return { kind: 'equation', left: leftExpr, right: rightValue.expr };
      if (
        rightValue.kind === 'expr' &&
        leftExpr.kind === 'sym' &&
        // `x = 1 + i` names a complex value; `y = 2x + 1` is an equation
        [...freeSymbols(rightValue.expr)].some((n) => n !== 'i') &&
        leftExpr.name.length === 1
      )
        return { kind: 'equation', left: leftExpr, right: rightValue.expr };
      return { kind: 'named', parts: new Map([[partName(left), rightValue]]) };
    }
    if (rightValue.kind !== 'expr') return null;
    return { kind: 'equation', left: leftExpr, right: rightValue.expr };
  }
  const expr = parseExpr(tokens);
  if (!expr) return null;
  if (expr.kind === 'list') {
    const items = expr.items.map((e): AnswerValue => (e.kind === 'list' ? fromList(e) : { kind: 'expr', expr: e }));
    return fromListItems(expr.open, expr.close, items, expr.items);
  }
  return { kind: 'expr', expr };
}

/** `-793 < a < 10`, `k \\ge 2`, `0 < f(x) < 1`: an order chain with one non-constant part. */
function readInequality(tokens: Token[]): AnswerValue | null {
  const segments = splitTopLevel(tokens, (t) => t.kind === 'rel');
  const rels = tokens.filter((t, i) => t.kind === 'rel' && depthAt(tokens, i) === 0).map((t) => t.text);
  if (segments.length !== rels.length + 1 || segments.some((s) => s.length === 0)) return null;
  const parts = segments.map(parseExpr);
  if (parts.some((p) => p === null)) return null;
  return chainRegion(parts as Expr[], rels) ?? relationRegion(parts as Expr[], rels);
}

/** `[-3/2, -1] \\cup [1, 3/2]`: a union of intervals (or of inequalities in one variable). */
function readUnion(pieces: Token[][]): AnswerValue | null {
  const region: Region = { kind: 'region', pieces: [], variable: null };
  for (const tokens of pieces) {
    const value = tokens.length ? readItem(tokens) : null;
    if (value?.kind === 'interval')
      region.pieces.push(intervalPiece(value.low, value.high, value.lowClosed, value.highClosed));
    else if (
      value?.kind === 'region' &&
      (region.variable === null || value.variable === null || value.variable === region.variable)
    ) {
      region.pieces.push(...value.pieces);
      region.variable ??= value.variable;
    } else return null;
  }
  return region;
}

function fromList(expr: Extract<Expr, { kind: 'list' }>): AnswerValue {
  return fromListItems(
    expr.open,
    expr.close,
    expr.items.map((e): AnswerValue => (e.kind === 'list' ? fromList(e) : { kind: 'expr', expr: e })),
    expr.items,
  );
}

function fromListItems(open: string, close: string, items: AnswerValue[], exprs: Expr[]): AnswerValue {
  if (open === '{') return { kind: 'set', items };
  if (
    exprs.length === 2 &&
    (open === '[' || close === ']' || (open === '(' && (isInfinite(exprs[1]) || isInfinite(exprs[0]))))
  ) {
    return { kind: 'interval', low: exprs[0], high: exprs[1], lowClosed: open === '[', highClosed: close === ']' };
  }
  return { kind: 'tuple', items };
}

function isInfinite(expr: Expr): boolean {
  if (expr.kind === 'neg') return isInfinite(expr.arg);
  return expr.kind === 'sym' && (expr.name === 'infty' || expr.name === 'inf');
}

function isBuiltin(name: string): boolean {
  return isFunctionName(name, new Set());
}

function partName(tokens: Token[]): string {
  return tokens
    .map((t) => t.text)
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/^maximum$/, 'max')
    .replace(/^minimum$/, 'min');
}

/** `7:32`, `S_1:S_2`: one colon between two math operands is a ratio, worth their quotient. */
function ratioParts(tokens: Token[]): [Token[], Token[]] | null {
  const colons = tokens
    .map((t, i) => (t.kind === 'punct' && t.text === ':' && depthAt(tokens, i) === 0 ? i : -1))
    .filter((i) => i >= 0);
  if (colons.length !== 1) return null;
  const at = colons[0];
  const [before, after] = [tokens[at - 1], tokens[at + 1]];
  if (
    !before ||
    !after ||
    !['num', 'id', 'close'].includes(before.kind) ||
    !['num', 'id', 'open', 'op'].includes(after.kind)
  )
    return null;
  // `x: 5` is a label followed by its value, not a ratio
  if (before.kind === 'id' && at === 1 && after.spaceBefore && !before.latex) return null;
  return [tokens.slice(0, at), tokens.slice(at + 1)];
}

/** Letters in answers are variables: `ab` is a·b; words of three letters or more are not math. */
function parseExpr(tokens: Token[]): Expr | null {
  const ratio = ratioParts(tokens);
  if (ratio) {
    const [left, right] = ratio.map(parseExpr);
    return left && right ? { kind: 'bin', op: '/', left, right } : null;
  }
  const defined = new Set<string>();
  tokens.forEach((t, i) => {
    if (
      t.kind === 'id' &&
      /^[A-Za-z]'*$/.test(t.text) &&
      tokens[i + 1]?.text === '(' &&
      tokens[i + 2]?.kind === 'id' &&
      tokens[i + 3]?.text === ')'
    )
      defined.add(t.text);
  });
  const expanded: Token[] = [];
  for (const t of tokens) {
    if (t.kind === 'id' && !KNOWN_NAMES.has(t.text) && !t.text.includes('_') && /^[A-Za-z]{2}$/.test(t.text)) {
      for (const letter of t.text) expanded.push({ ...t, text: letter });
    } else if (t.kind === 'id' && !KNOWN_NAMES.has(t.text) && !t.text.includes('_') && t.text.length > 2 && !t.latex)
      return null;
    else if (t.kind === 'word' || t.kind === 'punct') return null;
    else expanded.push(t);
  }
  try {
    return parseTokens(expanded, defined);
  } catch (error) {
    rethrowUnlessMathLimit(error);
    // unreadable answers are reported by the caller as "could not read"
    return null;
  }
}
