// Protects the worker from hostile student steps: towers, giant factorials, megabyte lines and
// deep nesting get verdicts (never an exception), fast; the number of steps read is bounded.
import { describe, expect, it } from '@jest/globals';
import { HOSTILE_MATH as hostile } from '../math/hostile-inputs.fixture.js';
import { checkSteps } from './index.js';

describe('checkSteps on hostile input', () => {
  it.each(hostile)('answers %s with verdicts, not an exception, within a second', (_label, step) => {
    const started = Date.now();
    const result = checkSteps({ problem: 'Compute.', steps: [step, `x = ${step}`, `${step} = 1`], answer: '1' });
    expect(result.steps).toHaveLength(3);
    for (const s of result.steps) expect(['unverified', 'incorrect', 'correct', 'carried_error']).toContain(s.verdict);
    expect(result.steps.every((s) => s.verdict !== 'correct' || !s.text.includes('9^9^9^9'))).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('survives non-string steps and a missing problem', () => {
    const result = checkSteps({
      problem: undefined as unknown as string,
      steps: [null as unknown as string, 42 as unknown as string],
    });
    expect(result.steps.map((s) => s.verdict)).toEqual(['unverified', 'unverified']);
  });

  it('reads a definition the CAS cannot parse (unbalanced LaTeX) as unreadable, not an exception', () => {
    const result = checkSteps({
      problem: 'Find the derivative.',
      definitions: { 'f(x)': '\\frac{\\frac{x}{2}}{' },
      steps: ["f'(x) = 1/2", '1 + 1 = 2'],
    });
    expect(result.steps.map((s) => s.verdict)).toEqual(['unverified', 'correct']);
  });

  it('a definition holding a function the CAS cannot differentiate gets verdicts, not an exception', () => {
    const result = checkSteps({
      problem: 'Find the derivative.',
      definitions: { 'f(x)': '\\int_0^\\infty e^{-t x} dt' },
      steps: ["f'(x) = 1", '2 + 2 = 4'],
    });
    expect(result.steps.map((s) => s.verdict)).toEqual(['unverified', 'correct']);
  });

  it('a definition mathjs has no derivative rule for (a determinant) gets verdicts, not an exception', () => {
    const result = checkSteps({
      problem: 'Find the derivative.',
      definitions: { 'f(x)': 'det([[x,2],[3,4]])' },
      steps: ["f'(x) = 4", '3 + 3 = 6'],
    });
    expect(result.steps[1].verdict).toBe('correct');
  });

  it('bounds the number of steps it reads', () => {
    const started = Date.now();
    const result = checkSteps({ problem: '', steps: Array.from({ length: 5_000 }, (_, i) => `${i} + 1 = ${i + 1}`) });
    expect(result.steps.length).toBeLessThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
