// A sum written with its operator is a claim of its own kind: with integer bounds it is written out
// and evaluated, so `\sum_{k=1}^{5} k = 15` holds and `= 16` is false; with symbolic bounds it is
// left undecided, saying why, never marked false.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const stepOf = (step: string) => checkSteps({ problem: 'Evaluate the sum.', steps: [step] }).steps[0];

describe('a sum written with its operator', () => {
  it.each([
    ['$\\sum_{k=1}^{5} k = 15$'],
    ['$\\sum_{j=0}^{3} 2^j = 1 + 2 + 4 + 8 = 15$'],
    ['$\\sum_{k=1}^{2} \\frac{1}{k} = 1.5$'],
  ])('%s holds', (step) => {
    expect(stepOf(step).verdict).toBe('correct');
  });

  it.each([
    ['$\\sum_{k=1}^{5} k = 16$', 'sum_{k=1}^{5} k = 15, not 16'],
    ['$\\sum_{j=0}^{3} 2^j = 1 + 2 + 4 + 8 = 16$', 'not 16'],
  ])('%s is false: %s', (step, reason) => {
    const result = stepOf(step);
    expect(result.verdict).toBe('incorrect');
    expect(result.reason).toContain(reason);
  });

  it('a sum with symbolic bounds is left undecided with the reason', () => {
    const result = stepOf('$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$');
    expect(result.verdict).toBe('unverified');
    expect(result.reason).toContain('symbolic bounds');
  });

  it('its value carries into later work', () => {
    const result = checkSteps({
      problem: 'Evaluate the sum, then double it.',
      steps: ['$\\sum_{k=1}^{5} k = 16$', '$2 \\cdot 16 = 32$'],
      answer: '30',
    });
    expect(result.steps.map((step) => step.verdict)).toEqual(['incorrect', 'carried_error']);
  });
});
