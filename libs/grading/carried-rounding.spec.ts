// A rounded decimal carried into later work stands for the exact value behind it: the value the
// student's own work rounded, or the fraction a repeating decimal written short stands for. A
// decimal that is exact as written gets no such reading, and the link must hold exactly either way.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const verdicts = (steps: string[]) =>
  checkSteps({ problem: 'A word problem.', steps }).steps.map((step) => step.verdict);

describe('a value the student rounded, used later', () => {
  it.each([
    [
      ['Each share is 20 / 3 = 6.67 dollars', 'So 6.67 * 3 = 20 dollars in all'],
      ['correct', 'correct'],
    ],
    [
      ['The rate is 50 / 7 = 7.14 per day', 'In a week 7.14 * 7 = 50'],
      ['correct', 'correct'],
    ],
    // a rounded value that was itself worked out from a rounded value stands for the exact one too
    [
      ['Each share is 20 / 3 = 6.67 dollars', 'Half a share is 6.67 / 2 = 3.33', 'So 3.33 * 6 = 20'],
      ['correct', 'correct', 'correct'],
    ],
  ])('%j reads the rounded value as what it rounds', (steps, expected) => {
    expect(verdicts(steps)).toEqual(expected);
  });

  it.each([
    [
      ['Each share is 20 / 3 = 6.67 dollars', 'So 6.67 * 3 = 21 dollars in all'],
      ['correct', 'incorrect'],
    ],
    [
      ['Each share is 20 / 3 = 6.66 dollars', 'So 6.66 * 3 = 20 dollars in all'],
      ['incorrect', 'incorrect'],
    ],
  ])('%j: a false link stays false', (steps, expected) => {
    expect(verdicts(steps)).toEqual(expected);
  });
});

describe('a repeating decimal written short', () => {
  it.each([['0.67 * 45 = 30'], ['83.3% of 12 = 10'], ['1.17 * 6 = 7'], ['0.43 * 70 = 30']])('%s holds', (step) => {
    expect(verdicts([step])).toEqual(['correct']);
  });

  it.each([
    // exact as written: 1.25 is no rounding, so 1.25 * 4 is 5 and nothing else
    ['1.25 * 4 = 5.1'],
    // the fraction behind 0.67 gives 30, not 31
    ['0.67 * 45 = 31'],
    // 0.4 is exact: no third stands behind it
    ['0.4 * 30 = 10'],
  ])('%s is false', (step) => {
    expect(verdicts([step])).toEqual(['incorrect']);
  });
});
