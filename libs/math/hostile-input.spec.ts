// Protects the worker from hostile math: huge towers, giant factorials, megabyte lines, deep
// nesting and mathjs features that reach JavaScript are refused with a reason, fast, never thrown.
import { describe, expect, it } from '@jest/globals';
import { HOSTILE_MATH as hostile } from './hostile-inputs.fixture.js';
import { checkAnswer, restrictedMath } from './index.js';

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
