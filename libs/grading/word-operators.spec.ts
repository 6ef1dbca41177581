// Operators written as words between two numbers (`5 times 4`, `12 divided by 4`, `12 plus 8`,
// `20 minus 5`, `… equals 20`) are the operators, so the arithmetic is checked instead of read as a
// false equation between the last two numbers. Words after a number that are no operand
// (`3 times as many`) stay prose.
import { describe, expect, it } from '@jest/globals';
import { normalizeText } from '../../libs/math/index.js';
import { checkSteps } from './index.js';

const stepOf = (step: string) => checkSteps({ problem: 'A word problem.', steps: [step] }).steps[0];

describe('operators written as words', () => {
  it.each([
    ['6 times 7 = 42'],
    ['42 divided by 6 = 7'],
    ['13 plus 29 = 42'],
    ['50 minus 8 = 42'],
    ['6 times 7 equals 42'],
  ])('%s holds', (step) => {
    expect(stepOf(step).verdict).toBe('correct');
  });

  it.each([
    ['6 times 7 = 43', '6 * 7 = 42, not 43'],
    ['42 divided by 6 = 6', '42 / 6 = 7, not 6'],
    ['13 plus 29 equals 41', '13 + 29 = 42, not 41'],
  ])('%s is false: %s', (step, reason) => {
    const result = stepOf(step);
    expect(result.verdict).toBe('incorrect');
    expect(result.reason).toBe(reason);
  });

  it('`times` before words is no operator', () => {
    expect(stepOf('She has 3 times as many, so 3 * 14 = 42').verdict).toBe('correct');
  });
});

describe('operators written as Chinese words', () => {
  it.each([['6 乘以 7 = 42'], ['42 除以 6 = 7'], ['13 加 29 等于 42'], ['50 减去 8 = 42']])('%s holds', (step) => {
    expect(stepOf(step).verdict).toBe('correct');
  });

  it.each([['6 乘以 7 = 43'], ['42 除以 6 等于 6']])('%s is false', (step) => {
    expect(stepOf(step).verdict).toBe('incorrect');
  });

  // `18 的一半是 9` (half of 18 is 9), `27 的三分之一` (a third of 27), `40 的 25%` (25% of 40)
  it.each([
    ['18 的一半是 9', 'correct'],
    ['18 的一半是 8', 'incorrect'],
    ['27 的三分之一是 9', 'correct'],
    ['27 的三分之二是 9', 'incorrect'],
    ['40 的 25% 是 10', 'correct'],
    ['40 的 25% 是 15', 'incorrect'],
    ['6 × 7 是 42', 'correct'],
  ])('%s -> %s', (step, verdict) => {
    expect(stepOf(step).verdict).toBe(verdict);
  });
});

// `2 thousand`, `1.5 million`: a number and its scale word are one number, not the number and a unit
describe('scale words after a number', () => {
  it.each([
    ['She saved 2 thousand + 500 = 2500 dollars', 'correct'],
    ['She saved 2 thousand + 500 = 2600 dollars', 'incorrect'],
    ['The town has 1.5 million people, so 1.5 million / 3 = 500000', 'correct'],
    ['The town has 1.5 million people, so 1.5 million / 3 = 50000', 'incorrect'],
    ['It costs 3 hundred + 20 = 320', 'correct'],
    ['It costs 3 hundred + 20 = 23', 'incorrect'],
    ['2.3 million = 2300000', 'correct'],
  ])('%s -> %s', (step, verdict) => {
    expect(stepOf(step).verdict).toBe(verdict);
  });

  it('a scale word joined to a noun is a kind of thing, not a multiplier', () => {
    expect(stepOf('He has 5 hundred-dollar bills + 2 = 7 bills').verdict).toBe('correct');
    expect(stepOf('He has 5 hundred-dollar bills + 2 = 8 bills').verdict).toBe('incorrect');
  });
});

// `24 / 2 is 12`: `is` after an arithmetic expression states its value, as `=` does
describe('`is` after arithmetic', () => {
  it.each([
    ['Sharing them, 36/4 is 9 each', 'correct'],
    ['Sharing them, 36/4 is 8 each', 'incorrect'],
    ['Together 15 + 6 is 21 cards', 'correct'],
    ['Together 15 + 6 is 22 cards', 'incorrect'],
    ['(8 - 3) is 5', 'correct'],
    ['(8 - 3) is 6', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(stepOf(step).verdict).toBe(verdict);
  });

  it('a proper fraction before `is` names a part, not a quotient', () => {
    expect(stepOf('If 3/4 is 12 pages, the book has 16 pages').verdict).not.toBe('incorrect');
  });

  it('`is` before another computation names a different quantity, not a value', () => {
    expect(stepOf('A rise of 25% of 40 is 1.25 * 40 = 50').verdict).toBe('correct');
  });

  it('`is` before words states no value', () => {
    expect(stepOf('So 9 - 4 is what remains').verdict).toBe('unverified');
  });
});

// `double 8`, `5 cubed`, `the square root of 49`: the operation in words is applied to the number
describe('multipliers and powers in words', () => {
  it.each([
    ['Double 9 = 18', 'correct'],
    ['Double 9 = 19', 'incorrect'],
    ['twice 13 = 26', 'correct'],
    ['Triple 7 = 21', 'correct'],
    ['Triple 7 = 24', 'incorrect'],
    ['9 squared = 81', 'correct'],
    ['9 squared = 18', 'incorrect'],
    ['4 cubed = 64', 'correct'],
    ['The square of 11 is 121', 'correct'],
    ['The square of 11 is 22', 'incorrect'],
    ['The square root of 81 = 9', 'correct'],
    ['The square root of 81 = 8', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(stepOf(step).verdict).toBe(verdict);
  });

  it('`twice` before words is no multiplier', () => {
    expect(stepOf('He read twice as many, 2 * 15 = 30').verdict).toBe('correct');
  });
});

describe('`which is`, `gives`, `makes` after arithmetic', () => {
  it.each([
    ['The total is 17 + 6, which is 23', 'correct'],
    ['The total is 17 + 6, which is 24', 'incorrect'],
    ['17 + 6 gives 23', 'correct'],
    ['17 + 6 makes 25', 'incorrect'],
    ['The tip is 15% of $60, which is $9', 'correct'],
    ['The tip is 15% of $60, which is $6', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(stepOf(step).verdict).toBe(verdict);
  });
});

// `3 + 4 = 7 -> 7 * 2 = 14`: an arrow between values leads to the next claim; each is checked
describe('arrows between claims', () => {
  it.each([
    ['5 + 6 = 11 -> 11 * 3 = 33', 'correct'],
    ['5 + 6 = 11 -> 11 * 3 = 30', 'incorrect'],
    ['5 + 6 = 11 => 11 * 3 = 33', 'correct'],
    ['5 + 6 = 12 => 12 * 3 = 36', 'incorrect'],
    ['5 + 6 = 11 → 11 * 3 = 33', 'correct'],
  ])('%s -> %s', (step, verdict) => {
    expect(stepOf(step).verdict).toBe(verdict);
  });
});

// `So he has thirteen apples.`: a number in words states that number (in a line without digits)
describe('numbers in words', () => {
  const problem = 'Ravi has 9 marbles and wins 6 more. How many marbles does he have?';
  it.each([
    ['So he has fifteen marbles.', 'correct'],
    ['So he has sixteen marbles.', 'incorrect'],
    ['He ends with twenty-one marbles.', 'incorrect'],
  ])('after 9 + 6 = 15: %s -> %s', (step, verdict) => {
    const result = checkSteps({ problem, answer: '15', steps: ['9 + 6 = 15', step] });
    expect(result.steps[1].verdict).toBe(verdict);
  });

  it('beside written numbers the words stay prose', () => {
    const result = checkSteps({ problem, answer: '15', steps: ['9 + 6 = 15', 'He has 15, six more than before'] });
    expect(result.finalAnswer.verdict).toBe('correct');
  });

  it('`one` and hyphenated words are no numbers', () => {
    expect(normalizeText('Each one weighs two-thirds of a pound')).not.toMatch(/\d/);
    expect(normalizeText('a three-day trip')).not.toMatch(/\d/);
    expect(normalizeText('twenty-five cards')).toContain('25');
  });
});
