// Finds the math in one line of prose: runs of math tokens become items (`16 - 3 - 4 = 9`,
// `x = 0`), each with the prose words before it, which say whether it is a binding, a location,
// a conclusion or a solution. Unit words inside arithmetic (`200 pink lilies / 5`) are skipped.
import type { Expr, Token } from '../../libs/math/index.js';
import { KNOWN_NAMES, normalizeText, parseTokens, tokenize } from '../../libs/math/index.js';
import { isUnitWord, possessiveAt, timesToken, unitPhraseAt, wordsBeforeOperand } from './unit-words.js';
import {
  dropDash,
  isHeading,
  isLabelNumber,
  isLiteralExpr,
  isNumberColon,
  isQuantityJoin,
  startsWithOperator,
} from './reader-fragments.js';
import { rethrowUnlessMathLimit } from './math-errors.js';

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
}

const POISON = new Set(['#', '±', '≡', '…', '∪', '∩', '∅', '→', '@', '&', '\\']);
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
  /** The run before was cut off by words after an operator (`… + Cy's 5 guns = 23`): this one continues it. */
  let continuesCut = false;
  let skipTo = 0;
  let afterValue = false;
  let headHasUnit = false;
  /** Unit phrases skipped inside the run, keyed by the run position they follow. */
  let runUnits = new Map<number, string>();
  let previous: MathItem | null = null;
  /** `2:3 = 4:6`, `10:30 = …`: the run starts or ends inside a ratio or a clock time. */
  let startsInColon = false;
  let endsInColon = false;
  const flush = (poisonAfter = false) => {
    if (previous && run.length) previous.after = prose.join(' ').toLowerCase();
    // `24 eggs in 1 tray x 2 trays`: math that starts inside a compound quantity is not a claim
    const insideQuantity = afterValue && headHasUnit && isQuantityJoin(prose);
    let made: MathItem | null = null;
    if (run.length && !poisoned && !poisonAfter && !(insideQuantity && run.some((t) => t.kind === 'rel'))) {
      const dropped = items.length === 0 && isHeading(prose) ? dropDash(run) : run;
      const units = new Map([...runUnits].map(([at, unit]) => [at - (run.length - dropped.length), unit]));
      const fragment =
        (continuesCut && prose.length <= 4) ||
        startsWithOperator(dropped) ||
        startsInColon ||
        isLabelNumber(prose, dropped);
      const shape = { labelHead, cutOff, units, fragment, tailFragment: endsInColon };
      const item = toItem(dropped, prose.join(' ').toLowerCase(), definedFunctions, shape);
      if (item) items.push(item);
      made = item;
    }
    if (run.length) {
      continuesCut = cutOff;
      previous = made;
      prose = [];
      afterValue = endsWithValue(run);
    }
    run = [];
    runUnits = new Map();
    startsInColon = false;
    endsInColon = false;
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
    if (!unit.times)
      runUnits.set(
        run.length,
        tokens
          .slice(at, at + unit.skip)
          .map((t) => t.text)
          .join(' ')
          .toLowerCase(),
      );
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
      if (run.length === 0) startsInColon = isNumberColon(tokens, i - 1);
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
    endsInColon = isNumberColon(tokens, i);
    flush();
    prose.push(token.text);
  }
  flush();
  // assigned inside flush, which TypeScript's narrowing does not follow
  const last = previous as MathItem | null;
  if (last) last.after = prose.join(' ').toLowerCase();
  return items;
}

function endsWithValue(run: Token[]): boolean {
  const last = run[run.length - 1];
  return last.kind === 'num' || last.kind === 'close' || (last.kind === 'op' && last.text === '%');
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
  if (possessiveAt(tokens, i) > 0) return false;
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
  /** Unit phrases skipped inside the run, keyed by the run position they follow. */
  units: ReadonlyMap<number, string>;
  /** The run continues math begun earlier in the sentence: its head is not the start of the claim. */
  fragment: boolean;
  /** The run stops inside a ratio or time (`… = 4:6`): its last number is not a value. */
  tailFragment: boolean;
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
  const units: (string | null)[] = [];
  let depth = 0;
  run.forEach((token, at) => {
    if (token.kind === 'open') depth++;
    if (token.kind === 'close') depth--;
    if (token.kind === 'rel' && depth === 0) {
      rels.push(token.text);
      units.push(shape.units.get(at) ?? null);
      segments.push([]);
      return;
    }
    segments[segments.length - 1].push(token);
  });
  units.push(shape.units.get(run.length) ?? null);
  const dropFirst = () => {
    segments.shift();
    rels.shift();
    units.shift();
  };
  // `Distance = 80 × 2.5 = 200`: the label is prose, the rest is the chain
  if (segments[0].length === 0 && segments.length > 2) dropFirst();
  if (shape.labelHead && segments.length > 2) dropFirst();
  if (shape.cutOff && segments.length > 1) {
    segments.pop();
    rels.pop();
    units.pop();
  }
  if (segments.some((s) => s.length === 0)) return null;
  const parts: Expr[] = [];
  let headCut = false;
  for (let k = 0; k < segments.length; k++) {
    const parsed = parseLenient(segments[k], defined, k === 0 ? 'front' : k === segments.length - 1 ? 'back' : 'none');
    if (!parsed) return null;
    if (k === 0) headCut = parsed.cut;
    parts.push(parsed.expr);
  }
  // `300 M&Ms / 2 = 150`, `first + 5 = 6th`: a head that parsed only after dropping its start is a
  // fragment, and a lone number left of it is not what the student equated with the rest
  if ((headCut || shape.fragment) && parts.length > 1 && isLiteralExpr(parts[0])) {
    parts.shift();
    rels.shift();
    units.shift();
  }
  if (shape.tailFragment && parts.length > 1 && isLiteralExpr(parts[parts.length - 1])) {
    parts.pop();
    rels.pop();
    units.pop();
  }
  return { parts, rels, before, after: '', units };
}

/** The first part may carry stray leading tokens and the last stray trailing ones. */
function parseLenient(
  tokens: Token[],
  defined: ReadonlySet<string>,
  trim: 'front' | 'back' | 'none',
): { expr: Expr; cut: boolean } | null {
  const attempt = (slice: Token[]): Expr | null => {
    try {
      return slice.length ? parseTokens(slice, defined) : null;
    } catch (error) {
      // a fragment that does not parse is not a claim
      rethrowUnlessMathLimit(error);
      return null;
    }
  };
  const whole = attempt(tokens);
  if (whole || trim === 'none') return whole ? { expr: whole, cut: false } : null;
  for (let cut = 1; cut < tokens.length && cut <= 6; cut++) {
    const slice = trim === 'front' ? tokens.slice(cut) : tokens.slice(0, tokens.length - cut);
    const parsed = attempt(slice);
    if (parsed) return { expr: parsed, cut: true };
  }
  return null;
}
