// Protects GRADING.md "Comparing with the reference": which reference step each student step
// matches, which reference steps were skipped, and what a skipped required step costs.
import { describe, expect, it } from '@jest/globals';
import { checkSteps, scoreAnswer } from './index.js';
import type { ReferenceStepInput } from './index.js';

const problem = 'f(x) = x^3 - 3x^2 + 2, find its maximum and minimum on [-1, 3].';
const answer = 'max = 2, min = -2';
const workedReference: ReferenceStepInput[] = [
  "f'(x) = 3x(x - 2), so x = 0 or x = 2",
  'f(0) = 2, f(2) = -2',
  { text: 'f(-1) = -2, f(3) = 2', required: true },
];

const compare = (steps: string[], referenceSteps: ReferenceStepInput[] = workedReference) =>
  checkSteps({ problem, answer, steps, reference: { steps: referenceSteps } });

describe('the API.md worked example', () => {
  const check = compare([
    "f'(x) = 3x^2 - 6x",
    '3x(x - 2) = 0',
    'x = 2',
    'f(-1) = -2, f(2) = -2, f(3) = 2',
    'max = 2, min = -2',
  ]);

  it('matches each step to the reference step making the same claim', () => {
    expect(check.steps.map((s) => s.matchesReferenceStep)).toEqual([0, 0, null, 2, null]);
    expect(check.steps.map((s) => s.verdict)).toEqual([
      'correct',
      'correct',
      'incorrect',
      'carried_error',
      'carried_error',
    ]);
  });

  it('reports the evaluations at x = 0 and x = 2 as skipped, and no required step missing', () => {
    expect(check.skippedReferenceSteps).toEqual([1]);
    expect(check.missingRequiredSteps).toEqual([]);
  });

  it('scores 9 of 10 with error carried forward (5 for the answer, 4 of 5 for the process)', () => {
    expect(scoreAnswer(check, { missingRequiredStepPenalty: 0.1 }, 10, check.missingRequiredSteps)).toBe(9);
  });
});

describe('matching claims', () => {
  it.each([
    ['equivalent expression', ["f'(x) = 3x^2 - 6x"], ["f'(x) = 3x(x - 2)"], [0]],
    ['a different derivative does not match', ["f'(x) = 3x^2 - 3x"], ["f'(x) = 3x(x - 2)"], [null]],
    ['a condition with the same solution set as a solution statement', ['3x^2 - 6x = 0'], ['x = 0 or x = 2'], [0]],
    ['a condition with another solution set', ['3x^2 - 6x = 3'], ['x = 0 or x = 2'], [null]],
    ['the same evaluated value, worked out', ['f(2) = 8 - 12 + 2 = -2'], ['f(2) = -2'], [0]],
    ['the same value of another argument is another claim', ['f(3) = 2'], ['f(0) = 2'], [null]],
    ['arithmetic with the same result', ['He has 48 - 13 = 35 apples.'], ['48 - 13 = 35'], [0]],
    [
      'the reference step holding most of the claims wins',
      ['f(-1) = -2, f(2) = -2, f(3) = 2'],
      ['f(0) = 2, f(2) = -2', 'f(-1) = -2, f(3) = 2'],
      [1],
    ],
    ['prose matches nothing', ['We look for the critical points.'], ['x = 0 or x = 2'], [null]],
  ] as const)('%s', (_name, steps, referenceSteps, expected) => {
    expect(compare([...steps], [...referenceSteps]).steps.map((s) => s.matchesReferenceStep)).toEqual(expected);
  });
});

describe('skipped reference steps', () => {
  it('a reference step is skipped until every one of its claims is made', () => {
    const check = compare(['f(0) = 2'], ['f(0) = 2, f(2) = -2', 'f(0) = 2']);
    expect(check.skippedReferenceSteps).toEqual([0]);
  });

  it('a reference step with no readable claim is never reported skipped', () => {
    expect(compare(['f(0) = 2'], ['Compare the values found.', 'f(0) = 2']).skippedReferenceSteps).toEqual([]);
  });

  it('a skipped required step costs its penalty even when the answer is right', () => {
    const check = compare(["f'(x) = 3x^2 - 6x", 'x = 0 or x = 2', 'f(0) = 2, f(2) = -2', 'max = 2, min = -2']);
    expect(check.finalAnswer.verdict).toBe('correct');
    expect(check.missingRequiredSteps).toEqual([2]);
    expect(scoreAnswer(check, {}, 10)).toBe(10);
    expect(scoreAnswer(check, { missingRequiredStepPenalty: 0.2 }, 10)).toBe(8);
    expect(scoreAnswer(check, { missingRequiredStepPenalty: 0.2 }, 10, check.missingRequiredSteps)).toBe(8);
  });

  it('without a reference nothing is matched or skipped', () => {
    const check = checkSteps({ problem, answer, steps: ['f(0) = 2'] });
    expect(check.steps[0].matchesReferenceStep).toBeNull();
    expect(check.skippedReferenceSteps).toEqual([]);
    expect(check.missingRequiredSteps).toEqual([]);
  });

  it('uses the reference answer as the key when the problem has none', () => {
    const check = checkSteps({
      problem: 'Add 2 and 3.',
      steps: ['2 + 3 = 5'],
      reference: { steps: ['2 + 3 = 5'], answer: '5' },
    });
    expect(check.finalAnswer.verdict).toBe('correct');
    expect(check.steps[0].matchesReferenceStep).toBe(0);
  });
});

describe('a hostile reference', () => {
  it('is read within limits and never throws', () => {
    const started = Date.now();
    const hostile = [
      '9^9^9^9 = 1',
      'x'.repeat(1_000_000),
      '('.repeat(5_000) + '1' + ')'.repeat(5_000) + ' = 1',
      null,
      42,
      { text: 'factorial(10^9) = 1', required: true },
    ];
    const check = checkSteps({
      problem,
      answer,
      steps: ['f(0) = 2'],
      reference: { steps: hostile as unknown as ReferenceStepInput[] },
    });
    expect(check.steps[0].matchesReferenceStep).toBeNull();
    // the required claim about factorial(10^9) is still a claim no student step made
    expect(check.missingRequiredSteps).toEqual([5]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
