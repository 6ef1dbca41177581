// One-letter unit symbols (`m`, `s`, `g`, `h`, `L`) after a number are units where the problem
// speaks of that unit, so the arithmetic around them is checked; elsewhere, and where the problem
// or the step names the letter as an unknown, the letter stays a variable.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const garden = 'A garden bed is 5 m long and 3 m wide. Soil costs $4 per square metre. What does the soil cost?';
const cyclist = 'A cyclist rides 150 m in 30 s. How far does she ride in 2 minutes?';
const stepOf = (problem: string, step: string) => checkSteps({ problem, steps: [step] }).steps[0];

describe('one-letter units the problem speaks of', () => {
  it.each([
    [garden, 'Its area is 5 x 3 = 15 m^2', 'correct'],
    [garden, 'Its area is 5 x 3 = 16 m^2', 'incorrect'],
    [garden, '15 m^2 x $4 = $60', 'correct'],
    [garden, '15 m^2 x $4 = $64', 'incorrect'],
    [cyclist, 'Her speed is 150/30 = 5 m/s', 'correct'],
    [cyclist, 'Her speed is 150/30 = 6 m/s', 'incorrect'],
    [cyclist, '150 m / 30 s = 5 m/s', 'correct'],
    [cyclist, '5 m/s x 120 s = 600 m', 'correct'],
    [cyclist, '5 m/s x 120 s = 650 m', 'incorrect'],
    [cyclist, '2 minutes = 120 s', 'correct'],
    [cyclist, '600 m = 0.6 km', 'correct'],
    [cyclist, '600 m = 6 km', 'incorrect'],
    ['A kettle holds 2 litres and a cup holds 250 ml. How many cups fill the kettle?', '2 L = 2000 ml', 'correct'],
  ])('%s | %s -> %s', (problem, step, verdict) => {
    expect(stepOf(problem, step).verdict).toBe(verdict);
  });

  it('the reason shows the arithmetic without the units', () => {
    expect(stepOf(cyclist, 'Her speed is 150/30 = 6 m/s').reason).toBe('150 / 30 = 5, not 6');
  });
});

describe('a letter that is an unknown stays a variable', () => {
  it('a letter glued to a number before arithmetic is a product (`4h = 12`)', () => {
    const problem = 'A pump fills 4 tanks per hour. How many hours does it take to fill 12 tanks?';
    expect(checkSteps({ problem, steps: ['4h = 12', 'h = 4'] }).steps[1].verdict).toBe('incorrect');
    expect(stepOf(problem, 'It runs 3h, so 3 * 4 = 12 tanks').verdict).toBe('correct');
  });

  it('without a unit in the problem, `m` is a variable', () => {
    const result = checkSteps({ problem: 'Solve 3m + 2 = 11.', steps: ['3 m = 9', 'm = 3'] });
    expect(result.steps.map((step) => step.verdict)).toEqual(['correct', 'correct']);
  });

  it('a letter the problem computes with is its unknown, even where it speaks of the unit', () => {
    const result = checkSteps({ problem: 'A plank, in metres: 3m + 2 = 11. Find m.', steps: ['3 m = 9', 'm = 3'] });
    expect(result.steps.map((step) => step.verdict)).toEqual(['correct', 'correct']);
  });

  it('a problem that names the letter as an unknown keeps it one', () => {
    const problem = 'A pump runs for h hours. Let h be the number of hours. If 4h = 12, find h.';
    expect(stepOf(problem, '4 h = 12').verdict).not.toBe('incorrect');
  });

  it('a step that names the letter as an unknown keeps it one', () => {
    const problem = 'A pump fills 4 tanks per hour. How many hours does it take to fill 12 tanks?';
    const named = checkSteps({ problem, steps: ['Let h be the number of hours.', 'Then 4 h = 12', 'h = 4'] });
    expect(named.steps[2].verdict).toBe('incorrect');
    const inStep = checkSteps({ problem, steps: ['4 h = 12, where h is the number of hours', 'h = 4'] });
    expect(inStep.steps[1].verdict).toBe('incorrect');
    // read as hours, `4 h = 12` equates 4 hours with 12 tanks: a relation between things, not checked
    expect(stepOf(problem, 'So 4 h = 12').reason).toBe('4 = 12: 4 h and 12 count different things; not checked');
  });
});
