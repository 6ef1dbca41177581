// Protects GRADING.md's answer-equivalence rules: every case in the table gets its verdict, with a
// readable reason, the same verdict every time.
import { describe, expect, it } from '@jest/globals';
import { checkAnswer } from './index.js';
import { equivalenceCases, unreadableCases } from './equivalence.cases.js';

const methods = ['cas', 'numeric', 'none'];

describe('the equivalence table', () => {
  it('holds at least 300 cases, both equivalent and not, with no pair listed twice', () => {
    expect(equivalenceCases.length).toBeGreaterThanOrEqual(300);
    expect(equivalenceCases.some((c) => c.equivalent)).toBe(true);
    expect(equivalenceCases.some((c) => !c.equivalent)).toBe(true);
    const keys = equivalenceCases.map((c) => JSON.stringify([c.expected, c.given, c.policy ?? null]));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('checkAnswer', () => {
  it.each(equivalenceCases)('$expected vs $given → $equivalent ($why)', (testCase) => {
    const verdict = checkAnswer(testCase.expected, testCase.given, testCase.policy);
    expect({ equivalent: verdict.equivalent, why: testCase.why }).toEqual({
      equivalent: testCase.equivalent,
      why: testCase.why,
    });
    expect(methods).toContain(verdict.method);
    expect(typeof verdict.reason).toBe('string');
    expect(verdict.reason.trim().length).toBeGreaterThan(0);
    // An equivalence must have been established by something; "none" means nothing decided.
    if (testCase.equivalent) expect(verdict.method).not.toBe('none');
    // Seeded from the inputs: the same question always gets the same answer.
    expect(checkAnswer(testCase.expected, testCase.given, testCase.policy)).toEqual(verdict);
  });

  it.each([...unreadableCases])('answers unreadable or refused input $given with false and a reason', (testCase) => {
    const started = Date.now();
    const verdict = checkAnswer(testCase.expected, testCase.given, testCase.policy);
    expect(verdict.equivalent).toBe(false);
    expect(verdict.reason.trim().length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
