// Text that remembers where each of its characters came from in the student's original line, so a
// claim read from normalised text can point back at what the student wrote. Every character carries
// a half-open interval of raw UTF-16 offsets: exact where a transform is local (a digit kept, a `×`
// turned into `*`), the whole transformed piece where it is not (`\frac{1}{2}` -> `((1)/(2))`).
// Untracked text (`starts === null`) is plain string work: normalizeText pays nothing for the map.

export interface SourceSpan {
  /** UTF-16 offset of the first character in the original text. */
  start: number;
  /** UTF-16 offset just past the last character (exclusive). */
  end: number;
}

export class MappedText {
  constructor(
    readonly text: string,
    /** Raw start offset of each character, null when positions are not tracked. */
    readonly starts: number[] | null,
    readonly ends: number[] | null,
  ) {}

  static of(raw: string, track: boolean): MappedText {
    if (!track) return new MappedText(raw, null, null);
    const starts = new Array<number>(raw.length);
    const ends = new Array<number>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return new MappedText(raw, starts, ends);
  }

  get tracked(): boolean {
    return this.starts !== null;
  }

  slice(from: number, to = this.text.length): MappedText {
    const text = this.text.slice(from, to);
    if (!this.starts || !this.ends) return new MappedText(text, null, null);
    return new MappedText(text, this.starts.slice(from, to), this.ends.slice(from, to));
  }

  /** The raw interval covering characters [from, to); an empty range sits where `from` came from. */
  spanOf(from: number, to: number): SourceSpan {
    const { starts, ends } = this;
    if (!starts || !ends) return { start: from, end: to };
    if (from >= to || from >= starts.length) {
      const at = from < starts.length ? starts[from] : (ends[ends.length - 1] ?? 0);
      return { start: at, end: at };
    }
    let start = starts[from];
    let end = ends[from];
    for (let k = from + 1; k < to && k < starts.length; k++) {
      if (starts[k] < start) start = starts[k];
      if (ends[k] > end) end = ends[k];
    }
    return { start, end };
  }
}

/** Builds a MappedText piece by piece (the tracked flag is fixed by the first text it is given). */
export class MappedBuilder {
  private text = '';
  private readonly starts: number[] | null;
  private readonly ends: number[] | null;

  constructor(track: boolean) {
    this.starts = track ? [] : null;
    this.ends = track ? [] : null;
  }

  append(piece: MappedText): this {
    return this.appendKept(piece, 0, piece.text.length);
  }

  /** Characters [from, to) of `source`, each keeping its own offsets. */
  appendKept(source: MappedText, from: number, to: number): this {
    this.text += from === 0 && to === source.text.length ? source.text : source.text.slice(from, to);
    if (this.starts && this.ends && source.starts && source.ends)
      for (let k = from; k < to; k++) {
        this.starts.push(source.starts[k]);
        this.ends.push(source.ends[k]);
      }
    return this;
  }

  /** Text that came from one raw interval as a whole (a marker, a translated command). */
  appendFrom(text: string, span: SourceSpan): this {
    this.text += text;
    if (this.starts && this.ends)
      for (let k = 0; k < text.length; k++) {
        this.starts.push(span.start);
        this.ends.push(span.end);
      }
    return this;
  }

  /** `replacement` stands for characters [from, to) of `source`: those it keeps (in order) keep their offsets. */
  appendAligned(replacement: string, source: MappedText, from: number, to: number): this {
    const { starts, ends } = this;
    if (!starts || !ends || !source.starts || !source.ends) return this.appendFrom(replacement, { start: 0, end: 0 });
    const whole = source.spanOf(from, to);
    this.text += replacement;
    let j = from;
    for (let k = 0; k < replacement.length; k++) {
      const at = source.text.indexOf(replacement[k], j);
      if (at >= 0 && at < to) {
        starts.push(source.starts[at]);
        ends.push(source.ends[at]);
        j = at + 1;
      } else {
        starts.push(whole.start);
        ends.push(whole.end);
      }
    }
    return this;
  }

  build(): MappedText {
    return new MappedText(this.text, this.starts, this.ends);
  }
}

type Replacer = string | ((match: string, ...groups: string[]) => string);

/**
 * `text.replace(pattern, replacement)` (pattern global), with the positions carried along. A string
 * replacement may use `$1`…`$9` only: that is all normalisation needs, and it keeps expansion exact.
 */
export function replaceMapped(source: MappedText, pattern: RegExp, replacement: Replacer): MappedText {
  if (!source.tracked) {
    // no match gives back the very same string: nothing to allocate
    const replaced = source.text.replace(pattern, replacement as string);
    return replaced === source.text ? source : new MappedText(replaced, null, null);
  }
  const matches: { at: number; length: number; text: string }[] = [];
  const text = source.text.replace(pattern, (match: string, ...rest: unknown[]) => {
    // the arguments after the groups are the offset, the whole text and (named groups only) an object
    const offsetAt = rest.findIndex((arg) => typeof arg === 'number');
    const groups = rest.slice(0, offsetAt) as string[];
    const at = rest[offsetAt] as number;
    const out =
      typeof replacement === 'string'
        ? replacement.replace(/\$([1-9])/g, (_m, n: string) => groups[Number(n) - 1] ?? '')
        : replacement(match, ...groups);
    matches.push({ at, length: match.length, text: out });
    return out;
  });
  if (matches.length === 0) return source;
  const builder = new MappedBuilder(true);
  let from = 0;
  for (const match of matches) {
    builder.appendKept(source, from, match.at);
    const to = match.at + match.length;
    if (match.length === 0) builder.appendFrom(match.text, source.spanOf(match.at, match.at));
    else builder.appendAligned(match.text, source, match.at, to);
    from = to;
  }
  builder.appendKept(source, from, source.text.length);
  const mapped = builder.build();
  if (mapped.text !== text) throw new Error('position map out of step with the text');
  return mapped;
}

/** Where a LaTeX translation may be cut: after top-level separators and around whitespace. */
function cutPoints(text: string): number[] {
  const cuts: number[] = [];
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '\\') {
      k++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const space = ch === ' ';
    if (space !== (text[k + 1] === ' ') || ',=<>;'.includes(ch)) cuts.push(k + 1);
  }
  if (cuts[cuts.length - 1] !== text.length) cuts.push(text.length);
  return cuts;
}

/**
 * `translate(source.text)` (a translation with no positions of its own, such as latexToText), mapped
 * piece by piece: the text is cut at separators, each piece translated alone, and a piece is kept
 * only when its translation is exactly the next stretch of the whole one; pieces that are not merge
 * with the next. When the pieces do not add up to the whole, all of it maps to the whole source.
 */
export function translateMapped(source: MappedText, translate: (text: string) => string): MappedText {
  const whole = translate(source.text);
  if (!source.tracked) return new MappedText(whole, null, null);
  if (whole === source.text) return source;
  const builder = new MappedBuilder(true);
  let from = 0;
  let cursor = 0;
  for (const cut of cutPoints(source.text)) {
    const text = source.text.slice(from, cut);
    // a piece with no command, group, script or alignment mark reads as itself: no need to translate it
    const plain = !LATEX_SYNTAX.test(text);
    const out = plain ? text : translate(text);
    if (!whole.startsWith(out, cursor)) continue;
    if (plain) builder.appendKept(source, from, cut);
    else appendTranslated(builder, out, source, from, cut);
    cursor += out.length;
    from = cut;
  }
  if (from === source.text.length && cursor === whole.length) return builder.build();
  return new MappedBuilder(true).appendFrom(whole, trimmedSpan(source, 0, source.text.length)).build();
}

/**
 * A piece's translation: what it starts and ends with unchanged (`x^` of `x^2` -> `x^(2)`, the `.`
 * after `\\frac{1}{2}.`) keeps its offsets, the rest maps to the rest of the piece.
 */
function appendTranslated(builder: MappedBuilder, out: string, source: MappedText, from: number, to: number): void {
  const { text } = source;
  let head = 0;
  while (head < out.length && from + head < to && out[head] === text[from + head]) head++;
  let tail = 0;
  while (tail < out.length - head && to - tail > from + head && out[out.length - 1 - tail] === text[to - 1 - tail])
    tail++;
  builder.appendKept(source, from, from + head);
  builder.appendFrom(out.slice(head, out.length - tail), trimmedSpan(source, from + head, to - tail));
  builder.appendKept(source, to - tail, to);
}

/** What LaTeX translation changes; text without any of it is left as written. */
const LATEX_SYNTAX = /[\\{}_^&~]/;

/** The raw interval of characters [from, to) without the spaces around them (all, when only spaces). */
function trimmedSpan(source: MappedText, from: number, to: number): SourceSpan {
  const { text } = source;
  let start = from;
  let end = to;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return start < end ? source.spanOf(start, end) : source.spanOf(from, to);
}
