// Protects reference verification: a model-written solution with a wrong step, an unreadable
// answer, or an answer that contradicts the key is never trusted.
import { describe, expect, it } from '@jest/globals';
import { verifyReference } from './reference-check.js';

const problem = { statement: 'A bakery bakes 240 rolls and sells 3/4 of them. How many are left?' };

describe('verifyReference', () => {
  it('trusts a solution whose steps check and whose answer is readable', () => {
    expect(verifyReference(problem, { steps: ['240 * 3/4 = 180', '240 - 180 = 60'], finalAnswer: '60' })).toEqual({
      trusted: true,
      reason: null,
    });
  });

  it('refuses a solution with a wrong step and says which', () => {
    const verdict = verifyReference(problem, { steps: ['240 * 3/4 = 170', '240 - 170 = 70'], finalAnswer: '70' });
    expect(verdict.trusted).toBe(false);
    expect(verdict.reason).toMatch(/step 1/);
  });

  it('refuses an answer that contradicts the key', () => {
    const verdict = verifyReference({ ...problem, answer: '60' }, { steps: ['240 * 3/4 = 180'], finalAnswer: '180' });
    expect(verdict.trusted).toBe(false);
    expect(verdict.reason).toMatch(/answer key/);
  });

  it('refuses an unreadable final answer and an empty solution', () => {
    expect(verifyReference(problem, { steps: ['240 - 180 = 60'], finalAnswer: 'OK.' }).trusted).toBe(false);
    expect(verifyReference(problem, { steps: [], finalAnswer: '60' }).trusted).toBe(false);
  });
});

describe('a reference is proven against the problem', () => {
  const quadratic = { statement: 'Solve $x^2 - 7x + 10 = 0$.' };

  it('trusts the roots of the equation, whatever their order', () => {
    const steps = ['(x - 2)(x - 5) = 0', 'x = 2 or x = 5'];
    expect(verifyReference(quadratic, { steps, finalAnswer: 'x = 5 or x = 2' }).trusted).toBe(true);
  });

  it('refuses an answer that does not satisfy the equation, by substitution', () => {
    const verdict = verifyReference(quadratic, { steps: ['2 + 5 = 7'], finalAnswer: '7' });
    expect(verdict.trusted).toBe(false);
    expect(verdict.reason).toMatch(/substituting x = 7/);
  });

  it('refuses a root list that leaves a root out', () => {
    const verdict = verifyReference(quadratic, {
      steps: ['4 - 14 + 10 = 0, so x = 2 is a root'],
      finalAnswer: 'x = 2',
    });
    expect(verdict.trusted).toBe(false);
    expect(verdict.reason).toMatch(/also has x = 5/);
  });

  it('refuses a computation whose answer is not the value of the expression', () => {
    const compute = { statement: 'Compute $12 \\times 15 - 30$.' };
    expect(verifyReference(compute, { steps: ['12 × 15 = 180', '180 - 30 = 150'], finalAnswer: '150' }).trusted).toBe(
      true,
    );
    const verdict = verifyReference(compute, { steps: ['12 × 15 = 180'], finalAnswer: '180' });
    expect(verdict.trusted).toBe(false);
    expect(verdict.reason).toMatch(/evaluates to 150/);
  });

  it('refuses an extremum that the derivative and the endpoints contradict', () => {
    const extremum = { statement: 'Find the minimum value of $g(x) = x^2 - 4x + 1$ on $[0, 5]$.' };
    const right = verifyReference(extremum, { steps: ["g'(x) = 2x - 4", 'g(2) = 4 - 8 + 1 = -3'], finalAnswer: '-3' });
    expect(right.trusted).toBe(true);
    // g(0) = 1 is an endpoint value, not the minimum
    const wrong = verifyReference(extremum, { steps: ['g(0) = 0 - 0 + 1 = 1'], finalAnswer: '1' });
    expect(wrong.trusted).toBe(false);
    expect(wrong.reason).toMatch(/minimum of g on \[0, 5\] is -3/);
  });

  it('refuses a final answer that its own steps do not establish', () => {
    const verdict = verifyReference(problem, { steps: ['240 * 3/4 = 180', '240 - 180 = 60'], finalAnswer: '180' });
    expect(verdict.trusted).toBe(false);
    expect(verdict.reason).toMatch(/not what its steps establish/);
  });
});
