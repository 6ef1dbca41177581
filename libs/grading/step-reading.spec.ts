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
    ['The club printed 126 glossy color flyers / 6 = 21 street corners.', 'correct'],
    ['The club printed 126 glossy color flyers / 6 = 22 street corners.', 'incorrect'],
    ['Sales tax on the van comes to $125 000 x 4/100 = $5 000.', 'correct'],
    ['Sales tax on the van comes to $125,000 x 4/100 = $5,500.', 'incorrect'],
    ['Theo pays $12/hour * 5 = $60.', 'correct'],
    [
      'They still have 50 pages - 10 pages - 16 pages = 24 pages * 1/3 minute of reading = 8 minutes of reading.',
      'correct',
    ],
    [
      'They still have 50 pages - 10 pages - 16 pages = 24 pages * 1/3 minute of reading = 6 minutes of reading.',
      'incorrect',
    ],
    ['Moving terms over gives 3y = 61 - 7 = 54.', 'correct'],
    ['Moving terms over gives 3y = 61 - 7 = 56.', 'incorrect'],
    ['The remaining share is 100 - 20 = 80%.', 'correct'],
    ['The discount is 15% of $1,200 = $180.', 'correct'],
    ['He got $1800 - $2000 = $200 less.', 'correct'],
    ['The three overnight lows add to -12+5+-7=-14 degrees.', 'correct'],
    ['The three overnight lows add to -12+5+-7=-4 degrees.', 'incorrect'],
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
    ['The shelf holds 4 boxes * 9 cans/box = 36 cans.', 'correct'],
    ['The shelf holds 4 boxes * 9 cans/box = 35 cans.', 'incorrect'],
    ['The tank loses 0.3 litres/hour x 5 hours/shift = 1.5 litres of fuel per shift.', 'correct'],
    ['The tank loses 0.3 litres/hour x 5 hours/shift = 3 litres of fuel per shift.', 'incorrect'],
    ['We need 7 tables * 6 sheets of paper per craft table = 42 sheets of paper.', 'correct'],
    ['We need 7 tables * 6 sheets of paper per craft table = 49 sheets of paper.', 'incorrect'],
    ['Parking costs $4 per hour, so $36 / $4/hour = 9 hours', 'correct'],
    ['Parking costs $4 per hour, so $36 / $4/hour = 8 hours', 'incorrect'],
    ['Her total needs to be 93 (average) * 5 (tests) = 465 points', 'correct'],
    ['Her total needs to be 93 (average) * 5 (tests) = 470 points', 'incorrect'],
    ['We rent 5 vans x 8 seats/van = 40 seats for the trip.', 'correct'],
    ['We rent 5 vans x 8 seats/van = 45 seats for the trip.', 'incorrect'],
    ['She invites her 14 cousins + her 2 aunts + 1 herself = 17 guests.', 'correct'],
    ['She invites her 14 cousins + her 2 aunts + 1 herself = 18 guests.', 'incorrect'],
    ['The average pace is 84 / 7/laps = 12/lap.', 'correct'],
    ['The average pace is 84 / 7/laps = 13/lap.', 'incorrect'],
    ['$22/week - $20/week = $2', 'correct'],
    // a lone number named by words before `=` labels the chain after it
    ['Rise 5 metres = 3 + 5 = 8 metres', 'correct'],
    ['Rise 5 metres = 3 + 5 = 9 metres', 'incorrect'],
    ['Pia scored 4 points more than Tom = 11 + 4 = 15 points', 'correct'],
    ['Pia scored 4 points more than Tom = 11 + 4 = 16 points', 'incorrect'],
    // math that runs on into words is incomplete, and two different numbers are a unit conversion
    ['12 = (2/5)*number of stamps in his album', 'unverified'],
    ['12 = (2/5)*30', 'correct'],
    // a real unit conversion is checked (1 gallon = 8 pints), both ways
    ['15 gallons = 120 pints', 'correct'],
    ['15 gallons = 100 pints', 'incorrect'],
    // a number inside a compound quantity, a heading dash, names glued to numbers, lettered places
    ['A crate holds 20 pears in 1 box x 3 boxes = 60 pears.', 'unverified'],
    ['A crate holds 20 pears per box x 3 boxes = 50 pears.', 'incorrect'],
    ['Pens - 4 pens x $2.5 = $10.0', 'correct'],
    ['Pens - 4 pens x $2.5 = $12.0', 'incorrect'],
    ['In the morning, the temperature rose to - 6 + 3 = -3 degrees.', 'correct'],
    ['So we get 2Maple+1/2Birch=5/2Birch', 'unverified'],
    ['It was off by 1.5% because - 18 / 100 = -0.18', 'correct'],
  ])('unit phrase: %s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('reads `Hall B` as a place, not a variable defined by an earlier step', () => {
    const previous = ['The van brings 143 chairs to Hall A + 158 chairs to Hall B = 301 chairs in all.'];
    const step = 'It brings 500 chairs in all - 301 chairs to Hall A and B = 199 chairs to Hall D.';
    expect(verdictOf(step, previous).verdict).not.toBe('incorrect');
    expect(verdictOf('Let B be the budget: B = 6 + 4 = 11').verdict).toBe('incorrect');
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
    expect(verdictOf('Ravi keeps 25 - 6 - 7 = 11 stamps for himself.').reason).toContain('25 - 6 - 7 = 12');
  });

  it('uses a name the student defined earlier, and carries its taint', () => {
    const result = checkSteps({
      problem: 'Share a bill.',
      steps: ['a = 1,200 + 350 = 1,650', 'Each pays a / 5 = 330 dollars.'],
    });
    expect(result.steps.map((s) => s.verdict)).toEqual(['incorrect', 'carried_error']);
  });
});

// `$50\%$ of $40 = 20$`: `of` between two math regions multiplies them, as `50% of 40` does in prose
describe('`of` between LaTeX regions', () => {
  it.each([
    ['$25\\%$ of $60 = 15$', 'correct'],
    ['$25\\%$ of $60 = 20$', 'incorrect'],
    ['$\\frac{2}{3}$ of the $27 = 18$', 'correct'],
    ['$\\frac{2}{3}$ of the $27 = 9$', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('money written with dollar signs is no LaTeX region', () => {
    expect(verdictOf('He spent $6 of $15 on lunch, so 15 - 6 = 9').verdict).toBe('correct');
  });
});

// `Change = $12.25`: a label in words, then the value it names, states that value
describe('a label and its value', () => {
  const problem = 'Ana pays $20 for a book costing $8.75. What is her change?';
  it('the last line states the answer the key decides', () => {
    const right = checkSteps({ problem, answer: '11.25', steps: ['20 - 8.75 = 11.25', 'Change = $11.25'] });
    expect(right.finalAnswer.verdict).toBe('correct');
    const wrong = checkSteps({ problem, answer: '11.25', steps: ['20 - 8.75 = 11.25', 'Change = $12.25'] });
    expect(wrong.finalAnswer.verdict).toBe('incorrect');
    expect(wrong.firstErrorStep).toBe(1);
  });
});

// LaTeX that marks or sizes the math (`\tag{1}`, `\cancel{x}`, `\Longrightarrow`, `\checkmark`,
// `\bigg(`) never hides the claim it sits in
describe('LaTeX marks around a claim', () => {
  it.each([
    ['$5 \\times 6 = 30 \\tag{2}$', 'correct'],
    ['$5 \\times 6 = 35 \\tag{2}$', 'incorrect'],
    ['$\\frac{8 \\cancel{y}}{4 \\cancel{y}} = 2$', 'correct'],
    ['$5 \\times 6 = 30 \\quad \\checkmark$', 'correct'],
    ['$5 \\times 6 = 31 \\quad \\checkmark$', 'incorrect'],
    ['$\\bigg(5 + 1\\bigg) \\times 6 = 36$', 'correct'],
    ['$5 \\times 6 = 30 \\Longrightarrow 30 - 4 = 27$', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});
