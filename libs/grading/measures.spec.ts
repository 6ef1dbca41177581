// Measures written the way people write them: a mixed number with its unit is one number
// (`2 1/2 hours = 150 minutes` is a conversion), and `2 hours and 30 minutes` is one measure in two
// units, never read as the false `30 minutes = 150 minutes`. Beside each, a case that must fail.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const stepOf = (step: string) => checkSteps({ problem: 'A word problem.', steps: [step] }).steps[0];

describe('a mixed number with its unit', () => {
  it.each([['3 1/2 hours = 210 minutes'], ['1 1/2 dozen = 18']])('%s is a conversion that holds', (step) => {
    expect(stepOf(step).verdict).toBe('correct');
  });

  it.each([['3 1/2 hours = 200 minutes'], ['1 1/2 dozen = 16']])('%s is a wrong conversion', (step) => {
    expect(stepOf(step).verdict).toBe('incorrect');
  });
});

describe('one measure in two units', () => {
  it('is not a false equation between its second part and the total', () => {
    const result = stepOf('The ride takes 3 hours and 15 minutes = 195 minutes');
    expect(result.verdict).not.toBe('incorrect');
  });

  it('a false claim after it is still found', () => {
    expect(stepOf('He walked 3 hours and 15 minutes, then 2 + 2 = 5 more').verdict).toBe('incorrect');
  });

  it('`and` after a count that is no unit of measure still starts a claim', () => {
    expect(stepOf('He bought 3 apples and 4 + 5 = 10 pears').verdict).toBe('incorrect');
  });
});

describe('a square or cubic unit', () => {
  it.each([['The box holds 2 * 3 * 5 = 30 cm³'], ['The floor is 3 * 4 = 12 cm^2']])(
    '%s: the power belongs to the unit, so the arithmetic holds',
    (step) => {
      expect(stepOf(step).verdict).toBe('correct');
    },
  );

  it('false arithmetic before a square unit is still false, and the reason names the number', () => {
    const result = stepOf('The floor is 3 * 4 = 13 cm^2');
    expect(result.verdict).toBe('incorrect');
    expect(result.reason).toBe('3 * 4 = 12, not 13');
  });
});
