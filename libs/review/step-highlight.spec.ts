// Protects the mark on an incorrect step: it wraps exactly the slice StepResult.span names, widens
// to a whole `$…$` rather than split a formula, marks nothing for a span that does not fit, and
// never lets hostile step text out of its escaping.
import { describe, expect, it } from '@jest/globals';
import { readSteps } from './stored-answer.js';
import { renderMarkedText } from './step-highlight.js';
import { renderStep } from './work-grid.js';
import type { ReviewStep } from './review.types.js';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

/** The text inside the one mark, tags removed and entities left as they are. */
function markedText(html: string): string | null {
  const match = /<mark class="step-span">([\s\S]*?)<\/mark>/.exec(html);
  return match ? match[1].replace(/<[^>]*>/g, '') : null;
}

function step(text: string, span: ReviewStep['span'], verdict: ReviewStep['verdict'] = 'incorrect'): ReviewStep {
  return { index: 0, text, verdict, method: 'cas', reason: 'r', matchesReferenceStep: null, span };
}

describe('renderMarkedText', () => {
  it('marks the slice the span names in prose', () => {
    const text = 'First two apples, then eighty more.';
    const html = renderMarkedText(text, { start: 6, end: 16 });
    expect(markedText(html)).toBe('two apples');
    expect(html.indexOf('First')).toBeLessThan(html.indexOf('<mark'));
    expect(html.indexOf('eighty')).toBeGreaterThan(html.indexOf('</mark>'));
  });

  it('widens a span inside $…$ to the whole formula, typeset once', () => {
    const text = 'Then $2 + 2 = 5$ holds.';
    const html = renderMarkedText(text, { start: 6, end: 15 });
    const inside = /<mark class="step-span">([\s\S]*?)<\/mark>/.exec(html)![1];
    expect(inside).toContain('class="katex"');
    expect(html).not.toContain('$');
    expect(html.indexOf('Then')).toBeLessThan(html.indexOf('<mark'));
  });

  it.each([
    ['past the end', { start: 3, end: 400 }],
    ['reversed', { start: 5, end: 2 }],
    ['not integers', { start: 1.5, end: 3 }],
  ])('marks nothing for a span %s', (_label, span) => {
    expect(renderMarkedText('2 + 2 = 5 here', span)).not.toContain('<mark');
  });

  it('keeps hostile text escaped inside and around the mark', () => {
    const text = `${XSS} 2 + 2 = 5 ${XSS}`;
    const start = text.indexOf('2 + 2');
    const html = renderMarkedText(text, { start: start - 10, end: start + 9 });
    expect(html).toContain('<mark class="step-span">');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
  });
});

describe('the step row', () => {
  it('marks the span of an incorrect step', () => {
    const html = renderStep(step('So 6 x 7 = 41 apples.', { start: 3, end: 13 }), 0).html;
    expect(html).toContain('<mark class="step-span">');
  });

  it('marks nothing on a correct step, even with a span', () => {
    const html = renderStep(step('So 6 x 7 = 42 apples.', { start: 3, end: 13 }, 'correct'), 0).html;
    expect(html).not.toContain('<mark');
  });

  it('reads a stored span and drops a malformed one', () => {
    const [good, bad, none] = readSteps([
      { index: 0, text: 'a', verdict: 'incorrect', span: { start: 1, end: 4 } },
      { index: 1, text: 'b', verdict: 'incorrect', span: { start: '1', end: 4 } },
      { index: 2, text: 'c', verdict: 'incorrect' },
    ]);
    expect(good.span).toEqual({ start: 1, end: 4 });
    expect(bad.span).toBeUndefined();
    expect(none.span).toBeUndefined();
  });
});
