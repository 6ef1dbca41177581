// A derivative taken with its operator is a claim of its own kind: `\frac{d}{dx}(x^3) = 3x^2` is
// checked against the derivative mathjs takes, for every x, and a wrong one is `incorrect` with the
// right derivative in the reason. Each case that holds has one beside it that must fail.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const stepOf = (step: string) => checkSteps({ problem: 'Differentiate.', steps: [step] }).steps[0];

describe('a derivative taken with its operator', () => {
  it.each([
    ['$\\frac{d}{dx}(x^4) = 4x^3$'],
    ['d/dx (5x) = 5'],
    ['$\\frac{d}{dx}(\\cos x) = -\\sin x$'],
    ['$\\frac{d^2}{dx^2}(x^4) = 12x^2$'],
    ['$\\frac{d}{dx}(x^2 + 4x) = 2x + 4$'],
  ])('%s holds', (step) => {
    expect(stepOf(step).verdict).toBe('correct');
  });

  it.each([
    ['$\\frac{d}{dx}(x^4) = 4x^4$', 'd/dx (x^4) is 4x^3, not 4x^4'],
    ['d/dx (5x) = 5x', 'd/dx (5 * x) is 5, not 5x'],
    ['$\\frac{d}{dx}(\\cos x) = \\sin x$', 'not sin(x)'],
    ['$\\frac{d^2}{dx^2}(x^4) = 12x$', 'd^2/dx^2 (x^4) is 12x^2, not 12x'],
  ])('%s is incorrect: %s', (step, reason) => {
    const result = stepOf(step);
    expect(result.verdict).toBe('incorrect');
    expect(result.reason).toContain(reason);
  });

  it('a wrong derivative carries into the work that uses it', () => {
    const result = checkSteps({
      problem: 'Find the slope of $y = x^2$ at $x = 3$.',
      steps: ['$\\frac{d}{dx}(x^2) = x$', 'At $x = 3$ the slope is $3$.'],
      answer: '6',
    });
    expect(result.firstErrorStep).toBe(0);
    expect(result.steps[0].verdict).toBe('incorrect');
  });
});
