// A run of math tokens read as one item: cut at its top-level relations into a chain of parts
// (`a = b = c`), with the label, cut-off and fragment ends dropped, each part parsed leniently, and
// the item's span taken from the tokens the parts were finally parsed from.
import type { Expr, SourceSpan, Token } from '../../libs/math/index.js';
import { parseTokens } from '../../libs/math/index.js';
import { rethrowUnlessMathLimit } from './math-errors.js';
import { isLiteralExpr } from './reader-fragments.js';
import type { MathItem } from './math-item.js';

export interface RunShape {
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
  /** The run opens the step with `=` (`= 180 / 3`): it continues the previous step's chain. */
  continues: boolean;
  /** The raw span of the tokens an item was finally read from. */
  locate: (tokens: readonly Token[]) => SourceSpan;
}

/**
 * A math item whose span is worked out on first use: the position map costs as much again as the
 * reading, and only a verdict that points at the item needs it. The fields are the item's; the
 * private ones (the first and last parts' tokens, the locator) are how to find its span.
 */
class ReadItem implements MathItem {
  after = '';
  continues?: boolean;
  #span: SourceSpan | null = null;
  readonly #head: readonly Token[];
  readonly #tail: readonly Token[];
  readonly #locate: (tokens: readonly Token[]) => SourceSpan;

  constructor(
    public parts: Expr[],
    public rels: string[],
    public before: string,
    public units: (string | null)[],
    public literalUnits: (string | null)[][],
    head: readonly Token[],
    tail: readonly Token[],
    locate: (tokens: readonly Token[]) => SourceSpan,
  ) {
    this.#head = head;
    this.#tail = tail;
    this.#locate = locate;
  }

  /** From the first token of the first part to the last of the last part. */
  get span(): SourceSpan {
    return (this.#span ??= this.#locate([...this.#head, ...this.#tail]));
  }
}

export function toItem(run: Token[], before: string, defined: ReadonlySet<string>, shape: RunShape): MathItem | null {
  const { segments, rels, units } = splitChain(run, shape);
  // `= 180 / 3` opening a step: no head of its own; the step checker joins it to the step before.
  // `Change = $12.25`: a label in words, then the value it names (as `Distance = 80 × 2.5 = 200`)
  if ((shape.continues || /[a-z]$/.test(before)) && segments.length === 2 && segments[0].length === 0) {
    segments.shift();
    rels.shift();
    units.shift();
  }
  if (segments.some((s) => s.length === 0)) return null;
  const parts: Expr[] = [];
  // the tokens each part was parsed from, for the item's span
  const used: Token[][] = [];
  const position = new Map(run.map((token, at) => [token, at]));
  let headCut = false;
  for (let k = 0; k < segments.length; k++) {
    const parsed = parseLenient(segments[k], defined, k === 0 ? 'front' : k === segments.length - 1 ? 'back' : 'none');
    if (!parsed) return null;
    if (k === 0) headCut = parsed.cut;
    parts.push(parsed.expr);
    used.push(parsed.used);
  }
  // `300 M&Ms / 2 = 150`, `first + 5 = 6th`: a head that parsed only after dropping its start is a
  // fragment, and a lone number left of it is not what the student equated with the rest
  if ((headCut || shape.fragment) && parts.length > 1 && isLiteralExpr(parts[0])) {
    parts.shift();
    rels.shift();
    units.shift();
    used.shift();
  }
  if (shape.tailFragment && parts.length > 1 && isLiteralExpr(parts[parts.length - 1])) {
    parts.pop();
    rels.pop();
    units.pop();
    used.pop();
  }
  // the unit phrase after each written number of each part (`1 hour + 30 minutes`)
  const literalUnits = used.map((tokens) =>
    tokens.filter((token) => token.kind === 'num').map((token) => shape.units.get(position.get(token)! + 1) ?? null),
  );
  const item = new ReadItem(parts, rels, before, units, literalUnits, used[0], used[used.length - 1], shape.locate);
  if (shape.continues) item.continues = true;
  return item;
}

/** The run cut at its top-level relations into the chain's parts, without the label or cut-off ends. */
function splitChain(run: Token[], shape: RunShape): { segments: Token[][]; rels: string[]; units: (string | null)[] } {
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
  return { segments, rels, units };
}

/** The first part may carry stray leading tokens and the last stray trailing ones. */
function parseLenient(
  tokens: Token[],
  defined: ReadonlySet<string>,
  trim: 'front' | 'back' | 'none',
): { expr: Expr; cut: boolean; used: Token[] } | null {
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
  if (whole || trim === 'none') return whole ? { expr: whole, cut: false, used: tokens } : null;
  for (let cut = 1; cut < tokens.length && cut <= 6; cut++) {
    const slice = trim === 'front' ? tokens.slice(cut) : tokens.slice(0, tokens.length - cut);
    const parsed = attempt(slice);
    if (parsed) return { expr: parsed, cut: true, used: slice };
  }
  return null;
}
