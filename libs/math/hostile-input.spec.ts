// Protects the worker from hostile math: huge towers, giant factorials, megabyte lines, deep
// nesting and mathjs features that reach JavaScript are refused with a reason, fast, never thrown.
import { describe, expect, it } from '@jest/globals';
import { checkAnswer, restrictedMath } from './index.js';

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

describe('checkAnswer on hostile input', () => {
  it.each(hostile)('refuses %s quickly with a reason', (_label, given) => {
    const started = Date.now();
    const verdict = checkAnswer('1', given);
    expect(verdict.equivalent).toBe(false);
    expect(verdict.reason.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('the restricted mathjs instance', () => {
  it.each(['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'compile'])('refuses %s', (name) => {
    const fn = (restrictedMath as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    expect(() => fn('1')).toThrow(/disabled/);
  });
});
