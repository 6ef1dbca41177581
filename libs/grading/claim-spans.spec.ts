// Protects the source spans of items, claims and step verdicts: each slices the raw step text to
// exactly the math it was read from (separators, full-width digits, Unicode operators and LaTeX as
// written), never the prose around it, and a wrong step points at its false equation.
import { describe, expect, it } from '@jest/globals';
import { classifySpanned } from './claim-classifier.js';
import { checkSteps } from './index.js';
import { buildProblemContext } from './problem-context.js';
import { readStep } from './step-reader.js';
import { emptyStepState } from './step-state.js';

/** What each item of `step` was read from, as written. */
const slices = (step: string): string[] =>
  readStep(step, new Set(['f'])).map((item) => step.slice(item.span.start, item.span.end));

/** The last step's result when `steps` are checked in order. */
function lastStep(steps: string[], problem = 'A word problem.', answer?: string) {
  const result = checkSteps({ problem, steps, answer });
  return result.steps[result.steps.length - 1];
}

const spanText = (step: { text: string; span?: { start: number; end: number } }) =>
  step.span ? step.text.slice(step.span.start, step.span.end) : undefined;

describe('item spans in plain text', () => {
  it.each([
    ['So 80,000 + 50,000 = 130,000 dollars in all.', ['80,000 + 50,000 = 130,000']],
    ['First 2 + 3 = 5, and then 6 × 7 − 2 = 40 apples.', ['2 + 3 = 5', '6 × 7 − 2 = 40']],
    ['１２＋３＝１５，所以答案是 15', ['１２＋３＝１５', '15']],
    ['先算 4 × 5 = 20，再算 20 − 8 = 12。', ['4 × 5 = 20', '20 − 8 = 12']],
    ['Distance = 80 × 2.5 = 200 km', ['80 × 2.5 = 200']],
    ['x\u200b = 3 − 1 = 2', ['x\u200b = 3 − 1 = 2']],
  ])('%s', (step, expected) => {
    expect(slices(step)).toEqual(expected);
  });

  it('gives two claims on one line distinct spans that do not overlap', () => {
    const step = 'We know 12 + 30 = 42 and 42 / 6 = 7 now.';
    const [first, second] = readStep(step, new Set()).map((item) => item.span);
    expect(first.end).toBeLessThanOrEqual(second.start);
    expect(step.slice(first.start, first.end)).toBe('12 + 30 = 42');
    expect(step.slice(second.start, second.end)).toBe('42 / 6 = 7');
  });

  it('never puts the prose before or after an item inside its span', () => {
    const step = 'Therefore the total is 3 + 4 = 7 marbles altogether';
    expect(slices(step)).toHaveLength(1);
    for (const text of slices(step)) {
      expect(text).not.toMatch(/Therefore|total|marbles|altogether/);
      expect(text).toBe(text.trim());
    }
  });
});

describe('item spans in LaTeX', () => {
  it('keeps an item inside its $…$ and excludes the delimiters', () => {
    const step = 'Then $x^2 - 9 = 0$ gives the roots.';
    const [span] = readStep(step, new Set()).map((item) => item.span);
    expect(span.start).toBeGreaterThan(step.indexOf('$'));
    expect(span.end).toBeLessThanOrEqual(step.lastIndexOf('$'));
    expect(step.slice(span.start, span.end)).toBe('x^2 - 9 = 0');
  });

  it.each([
    ['计算 $\\dfrac{1}{2} + \\dfrac{1}{2} = 1$ 得到', ['\\dfrac{1}{2} + \\dfrac{1}{2} = 1']],
    ['First $2+2=4$, then $3 \\times 3 = 9$.', ['2+2=4', '3 \\times 3 = 9']],
    ['We get $2+2=4, 3+3=6$ so', ['2+2=4', '3+3=6']],
    ['$$ x^2 - 9 = 0 $$ so \\(x = 3\\) or x = -3', ['x^2 - 9 = 0', 'x = 3', 'x = -3']],
  ])('%s', (step, expected) => {
    expect(slices(step)).toEqual(expected);
  });

  it('takes the whole region, delimiters included, for math running into it', () => {
    expect(slices('Here g(x) = $x^2 + 1$ holds')).toEqual(['g(x) = $x^2 + 1$']);
  });
});

describe('claim spans', () => {
  it('pairs each claim with its item span', () => {
    const context = buildProblemContext('A word problem.', undefined);
    const state = emptyStepState();
    const step = 'So 2 + 3 = 5 and then 5 × 4 = 20.';
    const spans = readStep(step, new Set()).map((item) => {
      const spanned = classifySpanned(item, context, state, step);
      expect(spanned.claim.kind).toBe('evaluation');
      return step.slice(spanned.span.start, spanned.span.end);
    });
    expect(spans).toEqual(['2 + 3 = 5', '5 × 4 = 20']);
  });
});

describe('StepResult.span', () => {
  it.each([
    [
      'a false equation after a true one',
      'First 2 + 3 = 5, then 80,000 + 50,000 = 140,000 in total.',
      '80,000 + 50,000 = 140,000',
    ],
    ['a false equation before a true one', 'So 6 × 7 − 2 = 41, and 3 + 4 = 7.', '6 × 7 − 2 = 41'],
    [
      'a false LaTeX claim, inside its region',
      '先算 $2 + 2 = 4$，再算 $\\dfrac{1}{2} + \\dfrac{1}{2} = 2$。',
      '\\dfrac{1}{2} + \\dfrac{1}{2} = 2',
    ],
    ['false full-width arithmetic, as written', '１２＋３＝１６', '１２＋３＝１６'],
  ])('points at %s', (_label, text, expected) => {
    const step = lastStep([text]);
    expect(step.verdict).toBe('incorrect');
    expect(spanText(step)).toBe(expected);
  });

  it('points at the refuted solutions', () => {
    const steps = ['x^2 - 5x + 6 = 0', '(x - 2)(x - 3) = 0', 'so x = 2 or x = 4'];
    const step = lastStep(steps, 'Solve x^2 - 5x + 6 = 0.');
    expect(step.verdict).toBe('incorrect');
    expect(spanText(step)).toBe('x = 2 or x = 4');
  });

  it('points at a bare answer the key rejects', () => {
    const step = lastStep(['The answer is 43.'], 'What is 6 times 7?', '42');
    expect(step.method).toBe('answer_key');
    expect(spanText(step)).toBe('43');
  });

  it('points a carried error at the claim that used it', () => {
    const step = lastStep(['2 + 3 = 6', 'Then we have 6 × 2 = 12 apples.']);
    expect(step.verdict).toBe('carried_error');
    expect(spanText(step)).toBe('6 × 2 = 12');
  });

  it('is absent on a correct step and on a step with no claim', () => {
    expect(lastStep(['So 2 + 3 = 5 and 5 × 4 = 20.']).span).toBeUndefined();
    expect(lastStep(['We think about the problem first.']).span).toBeUndefined();
  });
});
