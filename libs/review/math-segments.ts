// Splits one line of student text into prose and delimited LaTeX: `$$…$$` and `\[…\]` (display),
// `$…$` and `\(…\)` (inline). A `$` pair that reads like money (`$10 … $12`, digits right after
// both signs) stays prose, as GRADING.md reads currency. Unclosed delimiters stay prose.

export type MathSegment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

const PAIRS: { open: string; close: string; display: boolean }[] = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
  { open: '$', close: '$', display: false },
];

function looksLikeCurrency(text: string, open: number, close: number): boolean {
  return /\d/.test(text[open + 1] ?? '') && /\d/.test(text[close + 1] ?? '');
}

export function splitMathSegments(text: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let prose = '';
  let position = 0;
  const flushProse = () => {
    if (prose) segments.push({ kind: 'text', text: prose });
    prose = '';
  };
  while (position < text.length) {
    const pair = PAIRS.find((candidate) => text.startsWith(candidate.open, position));
    const close = pair ? text.indexOf(pair.close, position + pair.open.length) : -1;
    const content = pair && close >= 0 ? text.slice(position + pair.open.length, close) : '';
    const isMath =
      pair !== undefined &&
      close >= 0 &&
      content.trim() !== '' &&
      !(pair.open === '$' && looksLikeCurrency(text, position, close));
    if (!pair || !isMath) {
      prose += text[position];
      position += 1;
      continue;
    }
    flushProse();
    segments.push({ kind: 'math', tex: content.trim(), display: pair.display });
    position = close + pair.close.length;
  }
  flushProse();
  return segments;
}
