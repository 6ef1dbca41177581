// Protects the position map through normalisation: the mapped text is exactly normalizeText's, every
// character points inside the raw line, local transforms (`×`, full-width digits, separators) keep
// their own offsets, and a LaTeX region never maps outside its delimiters.
import { describe, expect, it } from '@jest/globals';
import { HOSTILE_MATH } from './hostile-inputs.fixture.js';
import { normalizeText, normalizeTextWithMap } from './index.js';

/** The raw text the normalised characters [from, to) came from. */
function rawOf(raw: string, from: number, to: number): string {
  const { start, end } = normalizeTextWithMap(raw).text.spanOf(from, to);
  return raw.slice(start, end);
}

/** The raw text behind the first occurrence of `needle` in the normalised line. */
function rawBehind(raw: string, needle: string): string {
  const text = normalizeText(raw);
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return rawOf(raw, at, at + needle.length);
}

const LINES = [
  'So 80,000 + 50,000 = 130,000 dollars.',
  '１２＋３＝１５，所以答案是 15。',
  'We get 6 × 7 − 2 = 40 and 3·4 = 12.',
  'x\u200b = 3\u00a0+ 1 = 4',
  '计算 $\\dfrac{1}{2} + \\dfrac{1}{2} = 1$ 得到',
  'Then 3 \\times 4 = 12 and $$x^2 - 9 = 0$$ so \\(x = 3\\)',
  'It costs $240 000 and 3 1/2 hours, 25 percent of it, d/dx (x^2) = 2x',
  'Emoji 😀 before 2 + 2 = 4, then e^{10^{6} i} and a_{12} = 3',
  '$\\text{and } x = 1, \\quad y = 2$ with 1{,}000 = 10^3',
];

describe('normalizeTextWithMap', () => {
  it.each(LINES)('gives exactly normalizeText for %s', (raw) => {
    expect(normalizeTextWithMap(raw).text.text).toBe(normalizeText(raw));
  });

  it.each(LINES)('maps every character of %s into the raw line', (raw) => {
    const { text } = normalizeTextWithMap(raw);
    expect(text.starts).toHaveLength(text.text.length);
    text.starts!.forEach((start, k) => {
      expect(start).toBeGreaterThanOrEqual(0);
      expect(text.ends![k]).toBeGreaterThanOrEqual(start);
      expect(text.ends![k]).toBeLessThanOrEqual(raw.length);
    });
  });

  it('gives exactly normalizeText on hostile input too', () => {
    for (const [, raw] of HOSTILE_MATH.filter(([, text]) => text.length <= 8_000))
      expect(normalizeTextWithMap(raw).text.text).toBe(normalizeText(raw));
  });

  it('keeps a digit and maps a thousands-separated number to the number as written', () => {
    expect(rawBehind('So 80,000 + 50,000 = 130,000 dollars.', '130000')).toBe('130,000');
    expect(rawBehind('So 80,000 + 50,000 = 130,000 dollars.', '+')).toBe('+');
    expect(rawBehind('So 80,000 + 50,000 = 130,000 dollars.', 'dollars')).toBe('dollars');
  });

  it('maps full-width digits and operators one to one', () => {
    expect(rawBehind('１２＋３＝１５', '12+3=15')).toBe('１２＋３＝１５');
    expect(rawBehind('１２＋３＝１５', '3')).toBe('３');
  });

  it('maps a Unicode operator to itself and skips zero-width spaces', () => {
    expect(rawBehind('6 × 7 − 2 = 40', '*')).toBe('×');
    expect(rawBehind('6 × 7 − 2 = 40', '-')).toBe('−');
    expect(rawBehind('x\u200b = 4', 'x = 4')).toBe('x\u200b = 4');
  });

  it('maps a translated piece of LaTeX to that piece, inside the delimiters', () => {
    const raw = 'Hence $\\dfrac{1}{2} + \\dfrac{1}{2} = 1$.';
    const pieces = rawBehind(raw, '((1)/(2)) + ((1)/(2))');
    expect(pieces).toBe('\\dfrac{1}{2} + \\dfrac{1}{2}');
    expect(rawBehind(raw, '= 1')).toBe('= 1');
  });

  it('maps a whole LaTeX region that cannot be cut to its math, never its prose neighbours', () => {
    const raw = 'Note $\\int_0^1 x dx = 1$ here';
    const text = normalizeText(raw);
    const from = text.indexOf('\u0002') + 1;
    const span = rawOf(raw, from, text.indexOf('\u0003'));
    expect(raw.indexOf(span)).toBeGreaterThan(raw.indexOf('$'));
    expect(span).not.toContain('Note');
    expect(span).not.toContain('here');
  });

  it('reports each LaTeX region with and without its delimiters', () => {
    const raw = 'a $x = 1$ b \\(y = 2\\) c $$z = 3$$';
    const regions = normalizeTextWithMap(raw).regions.map(({ outer, inner }) => [
      raw.slice(outer.start, outer.end),
      raw.slice(inner.start, inner.end),
    ]);
    expect(regions).toEqual([
      ['$x = 1$', 'x = 1'],
      ['\\(y = 2\\)', 'y = 2'],
      ['$$z = 3$$', 'z = 3'],
    ]);
  });
});
