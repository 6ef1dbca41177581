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
    const verdict = verifyReference({ ...problem, answer: '60' }, { steps: ['240 - 180 = 60'], finalAnswer: '61' });
    expect(verdict.trusted).toBe(false);
    expect(verdict.reason).toMatch(/answer key/);
  });

  it('refuses an unreadable final answer and an empty solution', () => {
    expect(verifyReference(problem, { steps: ['240 - 180 = 60'], finalAnswer: 'OK.' }).trusted).toBe(false);
    expect(verifyReference(problem, { steps: [], finalAnswer: '60' }).trusted).toBe(false);
  });
});
