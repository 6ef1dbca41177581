// Splits one line of student text into prose and delimited LaTeX: `$$…$$` and `\[…\]` (display),
// `$…$` and `\(…\)` (inline), and a bare `\boxed{…}` (inline: the box a solution's answer is
// written in, typeset wherever it appears). Unclosed delimiters stay prose. A `$` pair that reads
// like money stays prose: a `$` before an amount is money when the pair's closing `$` comes before
// another amount (`$10 … $12`), after a space (`$20 and $x$`), or after a sentence of words.

export type MathSegment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

const PAIRS: { open: string; close: string; display: boolean }[] = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
  { open: '$', close: '$', display: false },
];

const AMOUNT = /^\$\d/;
// Words that are prose, not math: three letters or more, not a function name or a LaTeX command.
const PROSE_WORD = /(?<![\\A-Za-z])(?!(?:sin|cos|tan|log|exp|sqrt|max|min|mod)\b)[A-Za-z]{3,}/;

function looksLikeMoney(text: string, open: number, close: number): boolean {
  if (!AMOUNT.test(text.slice(open, open + 2))) return false;
  // Words inside \text{…} are the math's own units and labels, not a sentence around it.
  const content = text.slice(open + 1, close).replace(/\\(?:text|textrm|mathrm|operatorname)\s*\{[^}]*\}/g, '');
  return /\d/.test(text[close + 1] ?? '') || /\s/.test(text[close - 1] ?? '') || PROSE_WORD.test(content);
}

/** The end (exclusive) of `\boxed{…}` starting at `position`, braces balanced; -1 when unclosed. */
function boxedEnd(text: string, position: number): number {
  if (!text.startsWith('\\boxed{', position)) return -1;
  let depth = 0;
  for (let index = position + '\\boxed'.length; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '{') depth += 1;
    else if (text[index] === '}' && --depth === 0) return index + 1;
  }
  return -1;
}

/** The math segment that starts at `position`, with where it ends; null when prose starts there. */
function mathAt(text: string, position: number): { segment: MathSegment; end: number } | null {
  const boxed = boxedEnd(text, position);
  if (boxed > 0) return { segment: { kind: 'math', tex: text.slice(position, boxed), display: false }, end: boxed };
  const pair = PAIRS.find((candidate) => text.startsWith(candidate.open, position));
  if (!pair) return null;
  const close = text.indexOf(pair.close, position + pair.open.length);
  if (close < 0) return null;
  const content = text.slice(position + pair.open.length, close);
  if (content.trim() === '' || (pair.open === '$' && looksLikeMoney(text, position, close))) return null;
  return { segment: { kind: 'math', tex: content.trim(), display: pair.display }, end: close + pair.close.length };
}

export function splitMathSegments(text: string): MathSegment[] {
  return placedMathSegments(text).map((placed) => placed.segment);
}

/** splitMathSegments with where each segment lies in `text` (end exclusive, delimiters included). */
export function placedMathSegments(text: string): { segment: MathSegment; start: number; end: number }[] {
  const segments: { segment: MathSegment; start: number; end: number }[] = [];
  let prose = '';
  let position = 0;
  while (position < text.length) {
    const math = mathAt(text, position);
    if (!math) {
      prose += text[position];
      position += 1;
      continue;
    }
    if (prose) segments.push({ segment: { kind: 'text', text: prose }, start: position - prose.length, end: position });
    prose = '';
    segments.push({ segment: math.segment, start: position, end: math.end });
    position = math.end;
  }
  if (prose) segments.push({ segment: { kind: 'text', text: prose }, start: position - prose.length, end: position });
  return segments;
}
