// Where in the student's original text a math item was read from: from its first token to its
// last, through the normalisation map, so a teacher can be shown the exact part of a step a
// verdict is about. Offsets are UTF-16 positions into the raw step text, end exclusive.
import type { NormalizedLine, SourceSpan, Token } from '../../libs/math/index.js';

/** The raw span of `tokens` (tokens made up by the reader, without positions, are skipped). */
export function spanOfTokens(raw: string, line: NormalizedLine, tokens: readonly Token[]): SourceSpan {
  let first = 0;
  while (first < tokens.length && tokens[first].start === undefined) first++;
  let last = tokens.length - 1;
  while (last > first && tokens[last].end === undefined) last--;
  if (first >= tokens.length) return { start: 0, end: 0 };
  const span = line.text.spanOf(tokens[first].start!, tokens[last].end!);
  return trimSpaces(raw, wholeRegions(span, line.regions));
}

/**
 * Math that runs into or out of a LaTeX region (`f(x) = $x^2$`) takes the whole region, delimiters
 * included, so the slice is never half a `$…$`; math inside one region stays inside its delimiters.
 */
function wholeRegions(span: SourceSpan, regions: NormalizedLine['regions']): SourceSpan {
  let { start, end } = span;
  for (const { outer, inner } of regions) {
    if (outer.start >= end || outer.end <= start) continue;
    if (start >= inner.start && end <= inner.end) continue;
    start = Math.min(start, outer.start);
    end = Math.max(end, outer.end);
  }
  return { start, end };
}

/** Spaces a translated piece kept around it are not part of the math. */
function trimSpaces(raw: string, span: SourceSpan): SourceSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(raw[start])) start++;
  while (end > start && /\s/.test(raw[end - 1])) end--;
  return { start, end };
}

/** `x = 0 or x = 2`: one claim stated across several items, from the first to the last. */
export function spanAcross(spans: readonly SourceSpan[]): SourceSpan | null {
  if (spans.length === 0) return null;
  let { start, end } = spans[0];
  for (const span of spans) {
    start = Math.min(start, span.start);
    end = Math.max(end, span.end);
  }
  return { start, end };
}
