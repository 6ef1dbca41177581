// A step's text with the part its verdict is about marked (StepResult.span: the false equation,
// the refuted solution): `<mark class="step-span">` around that slice, every piece still rendered
// by renderMathText (escaped prose, allow-listed KaTeX). A span that cuts into delimited math is
// widened to the whole `$…$`, so KaTeX never sees half a formula; a span that does not fit the text
// (an older or altered row) marks nothing.
import { placedMathSegments } from './math-segments.js';
import { renderMathText } from './render-math.js';

export interface TextSpan {
  start: number;
  end: number;
}

export function renderMarkedText(text: string, span: TextSpan | undefined): string {
  const mark = span ? markRange(text, span) : null;
  if (!mark) return renderMathText(text);
  const marked = renderMathText(text.slice(mark.start, mark.end));
  return `${renderMathText(text.slice(0, mark.start))}<mark class="step-span">${marked}</mark>${renderMathText(text.slice(mark.end))}`;
}

function markRange(text: string, { start, end }: TextSpan): TextSpan | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return null;
  let from = start;
  let to = end;
  for (const placed of placedMathSegments(text)) {
    if (placed.segment.kind !== 'math' || placed.end <= from || placed.start >= to) continue;
    from = Math.min(from, placed.start);
    to = Math.max(to, placed.end);
  }
  return { start: from, end: to };
}
