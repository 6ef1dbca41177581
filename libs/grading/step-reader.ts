// Finds the math in one line of prose: runs of math tokens become items (`16 - 3 - 4 = 9`,
// `x = 0`), each with the prose words before it, which say whether it is a binding, a location,
// a conclusion or a solution. Unit words inside arithmetic (`200 pink lilies / 5`) are skipped.
import type { NormalizedLine, SourceSpan, Token } from '../../libs/math/index.js';
import { normalizeText, normalizeTextWithMap, tokenize } from '../../libs/math/index.js';
import { spanOfTokens } from './item-span.js';
import { isUnitWord, timesToken, unitPhraseAt, wordsBeforeOperand } from './unit-words.js';
import {
  dropDash,
  isCompoundMeasure,
  isHeading,
  isLabelNumber,
  isNumberColon,
  isQuantityJoin,
  startsWithOperator,
} from './reader-fragments.js';
import { toItem } from './item-chain.js';
import { isMathToken } from './math-token-class.js';
import { closeBracket, compoundMeasureAt, openBracket, plusSign } from './compound-measures.js';
import { unitLettersInStep } from './unit-letters.js';
import type { ReadingNames } from './unit-words.js';
import { readUnit } from './unit-conversions.js';
import type { MathItem } from './math-item.js';

export type { MathItem };

const POISON = new Set(['#', '±', '≡', '…', '∪', '∩', '∅', '→', '@', '&', '\\']);
/** `48/2 = <<48/2=24>>24`: a calculator's note inside the work (GSM8K's format) repeats what is written. */
const CALCULATOR_NOTE = /<<[^<>\n]{0,200}>>/g;
/**
 * A list marker opening a step (`- `, `• `, `a) `, `2) `, a heading's or an answer line's `#### `):
 * no number of the work. A dash is a bullet only with a space after it (`-3 + 4` is negative
 * three); `(2)` and `1.` are read already.
 */
const LIST_MARKER = /^\s*(?:[-–•]\s+(?=[\d$(.])|(?:\d{1,2}|[A-Za-z])\)\s+(?=[^\s+\-*/^=<>)])|#{1,6}\s*(?=\S))/;

export function readStep(
  text: string,
  definedFunctions: ReadonlySet<string>,
  knownVariables: ReadonlySet<string> = new Set(),
  unitLetters: ReadonlySet<string> = new Set(),
): MathItem[] {
  // the position map costs as much again as the reading: it is built only when a span is asked for
  // (a verdict that needs one), and normalizeText's text is the mapped text, so token offsets agree
  let line: NormalizedLine | null = null;
  // the marker is blanked, not cut, so every offset in the line stays the source's own
  const unmarked = text
    .replace(LIST_MARKER, (marker) => ' '.repeat(marker.length))
    .replace(CALCULATOR_NOTE, (note) => ' '.repeat(note.length));
  const locate = (tokens: readonly Token[]) => spanOfTokens(text, (line ??= normalizeTextWithMap(unmarked)), tokens);
  const reading = { defined: definedFunctions, unitLetters: unitLettersInStep(text, unitLetters) };
  return new StepScanner(tokenize(normalizeText(unmarked)), reading, knownVariables, locate).scan();
}

/**
 * One pass over a step's tokens: math tokens gather into a run, prose between runs is kept as the
 * words before the next item, and each run is flushed into an item with the shape notes it needs.
 */
class StepScanner {
  private readonly items: MathItem[] = [];
  private run: Token[] = [];
  private prose: string[] = [];
  private poisoned = false;
  private depth = 0;
  private labelHead = false;
  private cutOff = false;
  /** The run before was cut off by words after an operator (`… + Cy's 5 guns = 23`): this one continues it. */
  private continuesCut = false;
  private skipTo = 0;
  /** A compound measure's bracket is open until its second unit (`(2 hours + 30 minutes`). */
  private compoundOpen = false;
  private afterValue = false;
  private headHasUnit = false;
  /** Unit phrases skipped inside the run, keyed by the run position they follow. */
  private runUnits = new Map<number, string>();
  private previous: MathItem | null = null;
  /** `2:3 = 4:6`, `10:30 = …`: the run starts or ends inside a ratio or a clock time. */
  private startsInColon = false;
  private endsInColon = false;

  constructor(
    private readonly tokens: Token[],
    private readonly reading: ReadingNames,
    private readonly knownVariables: ReadonlySet<string>,
    private readonly locate: (tokens: readonly Token[]) => SourceSpan,
  ) {}

  scan(): MathItem[] {
    const { tokens } = this;
    for (let i = 0; i < tokens.length; i++) i = this.step(i);
    this.flush();
    if (this.previous) this.previous.after = this.prose.join(' ').toLowerCase();
    return this.items;
  }

  /** Reads the token at `i`; returns the index of the last token it consumed. */
  private step(i: number): number {
    const { tokens, run } = this;
    const token = tokens[i];
    // `$10/day` and `93 (average)` after a value are units, not a division or a product
    if (run.length && endsWithValue(run) && (token.kind === 'open' || (token.kind === 'op' && token.text === '/'))) {
      if (this.skipUnit(i)) return this.skipTo;
    }
    if (
      isMathToken(tokens, i, this.reading, this.depth) ||
      (token.kind === 'id' && this.knownVariables.has(token.text))
    ) {
      if (token.kind === 'open') this.depth++;
      if (token.kind === 'close') this.depth = Math.max(0, this.depth - 1);
      if (run.length === 0) this.startsInColon = isNumberColon(tokens, i - 1);
      run.push(token);
      return i;
    }
    if (run.length && endsWithValue(run) && this.skipUnit(i)) return this.skipTo;
    if (run.length && run[run.length - 1].kind === 'num') {
      const end = this.joinCompoundMeasure(i);
      if (end >= 0) return end;
    }
    if (run.length && endsWithOperator(run)) {
      const words = wordsBeforeOperand(tokens, i, this.reading.defined);
      if (words > 0) return i + words - 1;
      // `(3/4)*number of novels`: the math goes on in words, so its last part is not a value
      if (isUnitWord(token, this.reading.defined)) this.cutOff = true;
    }
    // `17·44 = 748 ≡ 1 (mod 83)`: congruence binds loosest, so the equalities before it are claims
    if (token.kind === 'punct' && POISON.has(token.text)) {
      this.flush(token.text !== '≡');
      this.poisoned = true;
      this.prose.push(token.text);
      return i;
    }
    this.endsInColon = isNumberColon(tokens, i);
    this.flush();
    this.prose.push(token.text);
    return i;
  }

  /**
   * `2 hours 30 minutes = 150 minutes`: the first number and unit open a bracketed sum with the
   * second (see compound-measures.ts); returns the last token consumed, or -1. Only where the math
   * goes on after the second unit, or on the right of a relation (`90 minutes = 1 hour 30 minutes`).
   */
  private joinCompoundMeasure(at: number): number {
    const { run, tokens } = this;
    const compound = compoundMeasureAt(tokens, at, this.reading.unitLetters);
    if (!compound || this.compoundOpen) return -1;
    const after = tokens[compound.secondUnitAt + 1];
    const goesOn =
      after !== undefined &&
      (after.kind === 'rel' ||
        (after.kind === 'op' && '+-*/'.includes(after.text)) ||
        (/^[xX]$/.test(after.text) && tokens[compound.secondUnitAt + 2]?.kind === 'num'));
    if (!goesOn && !run.some((token) => token.kind === 'rel')) return -1;
    const number = run.pop() as Token;
    run.push(openBracket(number), number);
    this.runUnits.set(run.length, compound.unit);
    run.push(plusSign(number));
    this.depth++;
    this.compoundOpen = true;
    return compound.numberAt - 1;
  }

  private closeCompound(): void {
    this.run.push(closeBracket(this.run[this.run.length - 1]));
    this.depth = Math.max(0, this.depth - 1);
    this.compoundOpen = false;
  }

  private flush(poisonAfter = false): void {
    if (this.compoundOpen) this.closeCompound();
    const { run, prose } = this;
    if (this.previous && run.length) this.previous.after = prose.join(' ').toLowerCase();
    // `24 eggs in 1 tray x 2 trays`: math that starts inside a compound quantity is not a claim
    const insideQuantity = this.afterValue && this.headHasUnit && (isQuantityJoin(prose) || isCompoundMeasure(prose));
    let made: MathItem | null = null;
    if (run.length && !this.poisoned && !poisonAfter && !(insideQuantity && run.some((t) => t.kind === 'rel'))) {
      made = this.makeItem();
      if (made) this.items.push(made);
    }
    if (run.length) {
      this.continuesCut = this.cutOff;
      this.previous = made;
      this.prose = [];
      this.afterValue = endsWithValue(run);
    }
    this.run = [];
    this.runUnits = new Map();
    this.startsInColon = false;
    this.endsInColon = false;
    this.depth = 0;
    this.poisoned = false;
    this.labelHead = false;
    this.cutOff = false;
    this.headHasUnit = false;
  }

  private makeItem(): MathItem | null {
    const { run, prose } = this;
    const dropped = this.items.length === 0 && isHeading(prose) ? dropDash(run) : run;
    const units = new Map([...this.runUnits].map(([at, unit]) => [at - (run.length - dropped.length), unit]));
    const fragment =
      (this.continuesCut && prose.length <= 4) ||
      startsWithOperator(dropped) ||
      this.startsInColon ||
      isLabelNumber(prose, dropped);
    const shape = {
      continues: this.items.length === 0 && run[0] === this.tokens[0] && run[0].kind === 'rel' && run[0].text === '=',
      labelHead: this.labelHead,
      cutOff: this.cutOff,
      units,
      fragment,
      tailFragment: this.endsInColon,
      locate: this.locate,
    };
    return toItem(dropped, prose.join(' ').toLowerCase(), this.reading.defined, shape);
  }

  private skipUnit(at: number): boolean {
    const { tokens, run } = this;
    const unit = unitPhraseAt(tokens, at, this.reading, this.depth > 0);
    if (unit.skip === 0) return false;
    const next = tokens[at + unit.skip];
    const phrase = tokens
      .slice(at, at + unit.skip)
      .map((t) => t.text)
      .join(' ')
      .toLowerCase();
    // before `)`, only the unit the bracket's numbers already carry (`(9 hours + 7 hours)`): a lone
    // `(4 quarters)` or `(3 of them)` is an aside, not arithmetic
    if (next?.kind === 'close' && ![...this.runUnits.values()].some((seen) => sameKindOfUnit(seen, phrase)))
      return false;
    // `Drop 8 degrees = 2 - 8 = -6`: a lone number with words before `=` is a label for the chain
    if (run.length === 1 && run[0].kind === 'num' && next?.kind === 'rel' && next.text === '=') this.labelHead = true;
    if (run.length === 1 && run[0].kind === 'num') this.headHasUnit = true;
    this.runUnits.set(run.length, phrase);
    if (this.compoundOpen) this.closeCompound();
    if (unit.times) run.push(timesToken(tokens[at]));
    this.skipTo = at + unit.skip - 1;
    return true;
  }
}

/** `hours` and `hours`, or `hour` and `minutes`: the same unit, or units of one kind of quantity. */
function sameKindOfUnit(a: string, b: string): boolean {
  if (a.split(' ')[0] === b.split(' ')[0]) return true;
  const [first, second] = [readUnit(a), readUnit(b)];
  return first.kind === 'known' && second.kind === 'known' && first.unit.dimension === second.unit.dimension;
}

function endsWithValue(run: Token[]): boolean {
  const last = run[run.length - 1];
  return last.kind === 'num' || last.kind === 'close' || (last.kind === 'op' && last.text === '%');
}

function endsWithOperator(run: Token[]): boolean {
  const last = run[run.length - 1];
  return last.kind === 'op' && '+-*/^'.includes(last.text);
}
