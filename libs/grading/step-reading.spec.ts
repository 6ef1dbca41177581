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

  // unit phrases: rates with `/`, `per`, words in brackets, `x` after a unit, words after an operator
  it.each([
    ['There are 3 rows * 8 stars/row = 24 stars.', 'correct'],
    ['There are 3 rows * 8 stars/row = 23 stars.', 'incorrect'],
    ['Each person eats 0.2 kg/meal x 2 meals/day = 0.4 kg of rice per day.', 'correct'],
    ['Each person eats 0.2 kg/meal x 2 meals/day = 0.8 kg of rice per day.', 'incorrect'],
    ['There are 10 cages * 5 pieces of straw per hamster cage = 50 pieces of straw.', 'correct'],
    ['There are 10 cages * 5 pieces of straw per hamster cage = 100 pieces of straw.', 'incorrect'],
    ['He earns $10 per day, so $250 / $10/day = 25 days', 'correct'],
    ['He earns $10 per day, so $250 / $10/day = 24 days', 'incorrect'],
    ['Her total needs to be 93 (average) * 5 (tests) = 465 points', 'correct'],
    ['Her total needs to be 93 (average) * 5 (tests) = 470 points', 'incorrect'],
    ['There are 6 girls x 2 boys/girl = 12 boys in the park.', 'correct'],
    ['There are 6 girls x 2 boys/girl = 10 boys in the park.', 'incorrect'],
    ['He gets cupcakes for his 25 classmates + his 1 teacher + 1 himself = 27 people.', 'correct'],
    ['He gets cupcakes for his 25 classmates + his 1 teacher + 1 himself = 28 people.', 'incorrect'],
    ['Her mean score is 630 / 9/quizzes = 69/quiz.', 'incorrect'],
    ['$22/week - $20/week = $2', 'correct'],
    // a lone number named by words before `=` labels the chain after it
    ['Drop 8 degrees = 2 - 8 = -6 degrees', 'correct'],
    ['Lynn ran 3 miles less than Reggie = 20 - 3 = 17 miles', 'correct'],
    ['Lynn ran 3 miles less than Reggie = 20 - 3 = 18 miles', 'incorrect'],
    // math that runs on into words is incomplete, and two different numbers are a unit conversion
    ['9 = (3/4)*number of novels she wrote this year', 'unverified'],
    ['15 gallons = 120 pints', 'unverified'],
    // a number inside a compound quantity, a heading dash, names glued to numbers, lettered places
    ['There are 24 eggs in 1 tray x 2 trays = 48 eggs.', 'unverified'],
    ['Yams - 6 yams x $1.5 = $9.0', 'correct'],
    ['In the morning, the temperature rose to - 6 + 3 = -3 degrees.', 'correct'],
    ['So we find 1Dachshund+1/4Papillon=3/4Papillon', 'unverified'],
    ['It was off by 1.5% because - 18 / 100 = -0.18', 'correct'],
  ])('unit phrase: %s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('reads `District C` as a place, not a variable defined by an earlier step', () => {
    const previous = [
      'He delivers 198 newspapers to District A + 209 newspapers to District C = 407 newspapers in total.',
    ];
    const step =
      'He delivers 600 newspapers in total - 407 newspapers to District A and C = 193 newspapers to District B.';
    expect(verdictOf(step, previous).verdict).not.toBe('incorrect');
    expect(verdictOf('Let C be the cost: C = 5 + 3 = 9').verdict).toBe('incorrect');
  });

  it('takes a computed value, not a rate stated after it, as the last value', () => {
    const result = checkSteps({
      problem: 'Copy 600 GB at 12 GB/minute.',
      steps: ['It takes 600 / 12 = 50 minutes at 12 GB/minute.'],
      answer: '50',
    });
    expect(result.finalAnswer.verdict).toBe('correct');
  });

  it('names the true value in the reason', () => {
    expect(verdictOf('Janet sells 16 - 3 - 4 = 8 duck eggs a day.').reason).toContain('16 - 3 - 4 = 9');
  });

  it('uses a name the student defined earlier, and carries its taint', () => {
    const result = checkSteps({
      problem: 'Share a bill.',
      steps: ['a = 1,200 + 350 = 1,650', 'Each pays a / 5 = 330 dollars.'],
    });
    expect(result.steps.map((s) => s.verdict)).toEqual(['incorrect', 'carried_error']);
  });
});
