// Protects the worker from hostile student steps: towers, giant factorials, megabyte lines and
// deep nesting get verdicts (never an exception), fast; the number of steps read is bounded.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const hostile: [string, string][] = [
  ['a tower of exponents', '9^9^9^9'],
  ['a giant factorial', 'factorial(10^9)'],
  ['a giant postfix factorial', '(10^9)!'],
  ['a megabyte line', '1+'.repeat(500_000) + '1'],
  ['10,000 nested parentheses', '('.repeat(10_000) + '1' + ')'.repeat(10_000)],
  ['10,000 nested LaTeX fractions', '\\frac{'.repeat(10_000) + '1'],
  ['mathjs import', 'import({x: 1})'],
  ['mathjs createUnit', 'createUnit("foo")'],
  ['evaluate of a string', 'evaluate("1+1")'],
  ['parse of a string', 'parse("1")'],
  ['a function assignment', 'f(x) = x; f(2)'],
  ['a constructor escape', 'cos.constructor("return process")()'],
  ['a huge power', '2^(10^10)'],
  ['a huge binomial', 'binom(10^9, 5*10^8)'],
];

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
    const result = checkSteps({ problem: undefined as unknown as string, steps: [null as unknown as string, 42 as unknown as string] });
    expect(result.steps.map((s) => s.verdict)).toEqual(['unverified', 'unverified']);
  });

  it('bounds the number of steps it reads', () => {
    const started = Date.now();
    const result = checkSteps({ problem: '', steps: Array.from({ length: 5_000 }, (_, i) => `${i} + 1 = ${i + 1}`) });
    expect(result.steps.length).toBeLessThanOrEqual(500);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

