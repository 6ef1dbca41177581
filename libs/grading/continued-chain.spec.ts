// A step that opens with `=` goes on with the chain the step before ended on, so each link across
// the lines is checked and the last line's value is the answer; a formula in words or a number
// stated in prose gives the next line nothing to go on from.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const verdicts = (steps: string[], answer?: string) =>
  checkSteps({ problem: 'Work out the total.', steps, ...(answer ? { answer } : {}) });

describe('a chain written across lines', () => {
  it('checks every link and answers with the last value', () => {
    const result = verdicts(['4 * (6 + 2)', '= 4 * 8', '= 32'], '32');
    expect(result.steps.map((step) => step.verdict)).toEqual(['unverified', 'correct', 'correct']);
    expect(result.steps[2].reason).toBe('4 * 8 = 32 holds');
    expect(result.finalAnswer.verdict).toBe('correct');
  });

  it('a false link across lines is incorrect', () => {
    const result = verdicts(['4 * (6 + 2)', '= 4 * 8', '= 36'], '32');
    expect(result.firstErrorStep).toBe(2);
    expect(result.steps[2].reason).toBe('4 * 8 = 32, not 36');
  });

  it('goes on from the last value of a chain', () => {
    const result = verdicts(['Total: 7 + 5 = 12', '= 12 * 3 = 36'], '36');
    expect(result.steps[1].verdict).toBe('correct');
    expect(verdicts(['Total: 7 + 5 = 12', '= 13 * 3 = 39']).steps[1].verdict).toBe('incorrect');
  });

  it('an expression goes on across lines too', () => {
    const right = verdicts(['(x + 3)^2', '= x^2 + 6x + 9']);
    expect(right.steps[1].verdict).toBe('correct');
    expect(verdicts(['(x + 3)^2', '= x^2 + 3x + 9']).steps[1].verdict).not.toBe('correct');
  });

  it('after a formula in words the next line stands alone', () => {
    const result = verdicts(['Area = length * width', '= 9 * 4', '= 36 square feet'], '36');
    expect(result.steps.map((step) => step.verdict)).toEqual(['unverified', 'unverified', 'correct']);
    expect(result.finalAnswer.verdict).toBe('correct');
  });

  it('a number stated in prose is no chain to go on with', () => {
    expect(verdicts(['She has 4 boxes.', '= 9 * 4']).steps[1].verdict).not.toBe('incorrect');
  });
});
