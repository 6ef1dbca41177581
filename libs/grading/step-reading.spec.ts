// Protects how prose steps are read: units between numbers, currency, thousands separators (comma
// and space), running computations, worked-out equations, and percent read as points when needed.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const verdictOf = (step: string, previous: string[] = []) => {
  const result = checkSteps({ problem: 'A word problem.', steps: [...previous, step] });
  return result.steps[result.steps.length - 1];
};

describe('reading arithmetic inside prose', () => {
  it.each([
    ['Sandra ordered 200 pink calla lilies / 5 = 40 white carnations.', 'correct'],
    ['Sandra ordered 200 pink calla lilies / 5 = 50 white carnations.', 'incorrect'],
    ['The brokerage fee is $350 000 x 5/100 = $17 500.', 'correct'],
    ['The brokerage fee is $350,000 x 5/100 = $17,000.', 'incorrect'],
    ['Theo pays $12/hour * 5 = $60.', 'correct'],
    ['She needs 20 plants - 4 plants - 8 plants = 8 plants * 1/4 cup of water = 2 cups of water.', 'correct'],
    ['She needs 20 plants - 4 plants - 8 plants = 8 plants * 1/4 cup of water = 3 cups of water.', 'incorrect'],
    ['Solving for x, we get 2x = 45 + 5 = 50.', 'correct'],
    ['Solving for x, we get 2x = 45 + 5 = 55.', 'incorrect'],
    ['The remaining share is 100 - 20 = 80%.', 'correct'],
    ['The discount is 15% of $1,200 = $180.', 'correct'],
    ['He got $1800 - $2000 = $200 less.', 'correct'],
    ['The total highest temperature of these 3 countries is -48+21+-3=-30 degrees.', 'correct'],
    ['The clearance price is $8 x (50/100) = $4.', 'correct'],
    ['Each box holds 2 3/4 pounds, so 2 boxes hold 2 * 2 3/4 = 5 1/2 pounds.', 'correct'],
    ['1/3 = 0.33', 'correct'],
    ['2/3 = 0.6', 'incorrect'],
    ['7/2 = 4', 'incorrect'],
    ['There were 5 apples and 3 pears.', 'unverified'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('names the true value in the reason', () => {
    expect(verdictOf('Janet sells 16 - 3 - 4 = 8 duck eggs a day.').reason).toContain('16 - 3 - 4 = 9');
  });

  it('uses a name the student defined earlier, and carries its taint', () => {
    const result = checkSteps({ problem: 'Share a bill.', steps: ['a = 1,200 + 350 = 1,650', 'Each pays a / 5 = 330 dollars.'] });
    expect(result.steps.map((s) => s.verdict)).toEqual(['incorrect', 'carried_error']);
  });
});
