// "A fraction of a number" is their product (`1/2 of 30`, `half of 30`, as `15% of 30` is), and a
// number followed by `of …` counts a part of something (`3 of them = 15` equates a part with an
// amount): never a false equation between 3 and 15; `9 out of 12` is the fraction 9/12. Each rule has
// a case that holds and one that fails.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const stepOf = (step: string) => checkSteps({ problem: 'A word problem.', steps: [step] }).steps[0];

describe('a fraction of a number', () => {
  it.each([
    ['1/2 of 40 = 20'],
    ['She ate 3/4 of the 40 cookies = 30 cookies'],
    ['half of 40 = 20'],
    ['A quarter of the 40 students = 10 students'],
  ])('%s holds', (step) => {
    expect(stepOf(step).verdict).toBe('correct');
  });

  it.each([['1/2 of 40 = 21'], ['She ate 3/4 of the 40 cookies = 32 cookies'], ['half of 40 = 19']])(
    '%s is false, and the reason names the product',
    (step) => {
      const result = stepOf(step);
      expect(result.verdict).toBe('incorrect');
      expect(result.reason).toContain('* 40');
    },
  );
});

describe('a number that counts a part of something', () => {
  it.each([['3 of them = 12'], ['1/2 of the cookies = 12']])('%s is not a false equation', (step) => {
    const result = stepOf(step);
    expect(result.verdict).toBe('unverified');
    expect(result.reason).toContain('a part of something and an amount');
  });

  it.each([['3 groups of 4 = 12'], ['5 packs of 6 = 30']])(
    '%s: a group size and the whole are not a false equation',
    (step) => {
      expect(stepOf(step).verdict).toBe('unverified');
    },
  );

  it('a lone number after longer prose ending in `of` is still compared', () => {
    expect(stepOf('The cost of 12 = 13').verdict).toBe('incorrect');
  });

  it('a false equation beside it is still false', () => {
    expect(stepOf('3 of them = 12, and 2 + 2 = 5').verdict).toBe('incorrect');
  });

  it('two bare numbers are still compared', () => {
    expect(stepOf('3 = 12').verdict).toBe('incorrect');
  });
});

describe('so many out of a number', () => {
  it.each([['She got 9 out of 12 = 75%'], ['9 out of 12 = 3/4']])('%s holds', (step) => {
    expect(stepOf(step).verdict).toBe('correct');
  });

  it.each([['She got 9 out of 12 = 70%'], ['9 out of 12 = 2/3']])('%s is false', (step) => {
    expect(stepOf(step).verdict).toBe('incorrect');
  });
});
