// Protects analytics' grouping of first errors: reasons the step checker really writes map to short
// labels for the kind of mistake, so the same mistake by different students lands in one group.
import { describe, expect, it } from '@jest/globals';
import { firstErrorLabel } from './analytics-first-error.js';
import { checkSteps } from './index.js';

const cubic = {
  problem: 'Find the maximum and minimum of f(x) = x^3 - 3x^2 + 2 on [-1, 3].',
  definitions: { 'f(x)': 'x^3 - 3x^2 + 2' },
  answer: 'max = 2, min = -2',
};

function firstErrorOf(steps: string[], problem = cubic) {
  const check = checkSteps({ ...problem, steps });
  expect(check.firstErrorStep).not.toBeNull();
  return check.steps[check.firstErrorStep!]!;
}

describe('firstErrorLabel on reasons the checker writes', () => {
  it.each([
    ['a lost root', ["f'(x) = 3x^2 - 6x", '3x^2 - 6x = 0', '3x - 6 = 0', 'x = 2'], 'lost root x = 0'],
    ['a wrong derivative', ["f'(x) = 3x^2 - 3x", '3x^2 - 3x = 0'], "wrong derivative f'(x)"],
    ['a wrong function value', ["f'(x) = 3x^2 - 6x", 'f(-1) = -2, f(3) = 5'], 'wrong value of f(3)'],
    ['a slip inside an evaluation', ["f'(x) = 3x^2 - 6x", 'f(-1) = -1 - 3 + 2 = -4'], 'arithmetic slip'],
  ])('%s', (_name, steps, label) => {
    expect(firstErrorLabel(firstErrorOf(steps as string[]))).toBe(label);
  });

  it('labels an arithmetic slip in prose', () => {
    const step = firstErrorOf(['In the morning it sells 240 * 3/4 = 160 rolls.'], {
      problem: 'A bakery bakes 240 rolls a day.',
      definitions: {},
      answer: '15',
    } as typeof cubic);
    expect(firstErrorLabel(step)).toBe('arithmetic slip');
  });
});

describe('firstErrorLabel on reason text', () => {
  it.each([
    [
      '3x(x - 2) = 0 -> x = 2: x = 0 was lost (dividing by x loses x = 0); 3x(x - 2) = 0 has x = 0 or x = 2',
      'lost root x = 0',
    ],
    ['x = 0 or x = 2 were lost; x^2 = 0 has no real solution', 'lost roots x = 0 or x = 2'],
    ['x^2 = 4: x = 3 is not a solution of x^2 = 4', 'extra root x = 3'],
    ["g'(t) should be 2t - 6, not 2t - 3", "wrong derivative g'(t)"],
    ['something nobody planned for; more detail', 'something nobody planned for'],
    ['', 'incorrect step'],
  ])('%s', (reason, label) => {
    expect(firstErrorLabel({ reason })).toBe(label);
  });
});
