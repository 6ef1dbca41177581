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

const hose = 'A hose fills 3 buckets each hour. For how many hours must it run to fill 15 buckets?';

describe('a letter that is an unknown stays a variable', () => {
  it('a letter glued to a number before arithmetic is a product (`3h = 15`)', () => {
    expect(checkSteps({ problem: hose, steps: ['3h = 15', 'h = 4'] }).steps[1].verdict).toBe('incorrect');
    expect(stepOf(hose, 'It runs 2h, so 2 * 3 = 6 buckets').verdict).toBe('correct');
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
    const problem = 'A hose runs for h hours. Let h be the number of hours. If 3h = 15, find h.';
    expect(stepOf(problem, '3 h = 15').verdict).not.toBe('incorrect');
  });

  it('a step that names the letter as an unknown keeps it one', () => {
    const named = checkSteps({ problem: hose, steps: ['Let h be the number of hours.', 'Then 3 h = 15', 'h = 4'] });
    expect(named.steps[2].verdict).toBe('incorrect');
    const inStep = checkSteps({ problem: hose, steps: ['3 h = 15, where h is the number of hours', 'h = 4'] });
    expect(inStep.steps[1].verdict).toBe('incorrect');
    // read as hours, `3 h = 15` equates 3 hours with 15 buckets: a relation between things, not checked
    expect(stepOf(hose, 'So 3 h = 15').reason).toBe('3 = 15: 3 h and 15 count different things; not checked');
  });
});

describe('one-letter units in one measure written in two units', () => {
  it('counts them where the problem speaks of the unit', () => {
    const walk = 'A ferry crossing lasts 3.5 hours. Give its length in minutes.';
    expect(stepOf(walk, '3 h 30 min = 210 min').verdict).toBe('correct');
    expect(stepOf(walk, '3 h 30 min = 200 min').verdict).toBe('incorrect');
  });

  it('leaves a lone letter alone where the problem does not', () => {
    expect(stepOf('Solve for h.', '3 h 30 min = 210 min').verdict).not.toBe('correct');
  });
});
