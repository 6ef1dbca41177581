// A unit after a numeric answer is set aside when the other answer is a plain number or has the
// same unit; a different unit on each side, or a unit after a symbolic answer, is never set aside.
import { describe, expect, it } from '@jest/globals';
import { checkAnswer } from './index.js';
import { splitUnit } from './answer-units.js';

describe('a unit after a numeric answer', () => {
  it.each([
    ['25', '25 cm'],
    ['25', '25 \\text{ cm}'],
    ['25', '25\\mbox{km}'],
    ['25 \\text{ kg}', '25'],
    ['18', '18 \\text{ cm}^2'],
    ['18', '18 m^2'],
    ['1.5', '$1.5 \\text{ L}$'],
    // the same unit in two notations compares as written
    ['7 \\text{ cm}', '7 cm'],
  ])('%s ≡ %s', (expected, given) => {
    expect(checkAnswer(expected, given).equivalent).toBe(true);
  });

  it.each([
    // the number is still compared
    ['25', '26 cm'],
    // a different unit on each side is not the same answer
    ['25 cm', '25 m'],
    ['25 \\text{ kg}', '25 \\text{ g}'],
    // a symbolic answer keeps its letters: `y cm` is no unit after y
    ['y', 'y cm'],
    // letters that are no unit stay math
    ['6', '6 q'],
  ])('%s ≢ %s', (expected, given) => {
    expect(checkAnswer(expected, given).equivalent).toBe(false);
  });

  it('says the unit was set aside', () => {
    expect(checkAnswer('25', '25 \\text{ cm}').reason).toContain('once the unit cm is set aside');
  });
});

describe('splitUnit', () => {
  it.each([
    ['12 cm', '12', 'cm'],
    ['12 \\text{ square feet}', '12', 'square feet'],
    ['3.5 m^2', '3.5', 'm^2'],
    ['3.5 m²', '3.5', 'm^2'],
  ])('%s -> %s and %s', (answer, value, unit) => {
    expect(splitUnit(answer)).toEqual({ value, unit });
  });

  it.each([['12'], ['2x'], ['\\text{no solution}'], ['x = 4 \\text{ or } 5']])('%s has no unit', (answer) => {
    expect(splitUnit(answer).unit).toBeNull();
  });
});
