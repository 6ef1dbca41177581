// False arithmetic is never correct or unverified because of its units or its chain shape: every
// link of a chain of numbers must hold, and two different numbers are equal only through a real
// unit conversion (issue 11, item 6). Each rule has a case that must pass beside one that must fail.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const verdictOf = (step: string) => checkSteps({ problem: 'A word problem.', steps: [step] }).steps[0];

describe('two numbers equated', () => {
  it.each([
    ['7 = 8', 'incorrect'],
    ['8 = 8', 'correct'],
    ['7 apples = 8 apples', 'incorrect'],
    ['0.50 = 0.5', 'correct'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('says what is false', () => {
    expect(verdictOf('7 = 8').reason).toBe('7 is not 8');
  });
});

describe('unit conversions are checked, not waved through', () => {
  it.each([
    ['3 meters = 300 cm', 'correct'],
    ['3 meters = 30 cm', 'incorrect'],
    ['2 hours = 120 minutes', 'correct'],
    ['2 hours = 100 minutes', 'incorrect'],
    ['6 gallons = 48 pints', 'correct'],
    ['6 gallons = 40 pints', 'incorrect'],
    ['3 dozen = 36', 'correct'],
    ['3 dozen = 30', 'incorrect'],
    ['1 foot = 1 inch', 'incorrect'],
    ['The lesson lasts 1.5 hours = 90 minutes.', 'correct'],
    ['The lesson lasts 1.5 hours = 95 minutes.', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('names the conversion in the reason of a wrong one', () => {
    expect(verdictOf('3 meters = 30 cm').reason).toBe('3 meter = 300 cm, not 30');
  });

  // a single letter after a number is read as a variable (`3m = 12` solves for m), so `3 m` is not
  // taken as metres: the claim is left undecided, never called wrong
  it('leaves a one-letter unit undecided rather than guessing', () => {
    expect(verdictOf('3 m = 300 cm').verdict).toBe('unverified');
  });

  it('leaves quantities of different kinds undecided, with the reason', () => {
    const step = verdictOf('5 boxes = 60 crayons');
    expect(step.verdict).toBe('unverified');
    expect(step.reason).toContain('count different things');
  });
});

describe('every link of a chain of numbers must hold', () => {
  it.each([
    ['2 + 3 = 5 = 6', 'incorrect'],
    ['2 + 3 = 5 = 5.0', 'correct'],
    ['4 * 3 = 12 = 13', 'incorrect'],
    ['2 hours = 120 minutes = 130 minutes', 'incorrect'],
    ['2 + 3 = 5 boxes = 60 crayons', 'correct'],
    ['2 + 3 = 6 boxes = 60 crayons', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});

describe('a difference is stated as a positive amount only when the words say so', () => {
  it.each([
    ['10 - 30 = 20', 'incorrect'],
    ['10 - 30 = -20', 'correct'],
    ['Mia saved $10 - $30 = $20 less than Ben.', 'correct'],
    ['Mia saved $10 - $30 = $25 less than Ben.', 'incorrect'],
    ['Mia saved $10 - $30 = $20 in total.', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});

describe('the reader does not invent a claim from a fragment', () => {
  it.each([
    // possessive names between the numbers of one sum are prose, and the sum is checked
    ["Ann's 8 cards + Bo's 10 cards = 18 cards in all", 'correct'],
    ["Ann's 8 cards + Bo's 10 cards = 19 cards in all", 'incorrect'],
    // math that starts in words (`first + 5`) leaves a bare number, not `5 = 6`
    ['She ends up in first + 5 = 6th place.', 'unverified'],
    ['She ends up in 1 + 5 = 7th place.', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});

describe('numbers that are not values of the claim', () => {
  it.each([
    // a ratio or a clock time is one quantity, not two numbers set equal
    ['The ratio is 2:3 = 4:6', 'unverified'],
    ['She works from 8:00 to 10:30 = 2.5 hours', 'unverified'],
    ['The ratio is 2 = 3', 'incorrect'],
    // a whole number after a label noun names the day, not a count
    ['Day 2 = 10 + 4 = 14 pages', 'correct'],
    ['Day 2 = 10 + 4 = 15 pages', 'incorrect'],
    // rounding to whole items is a modelling step, not arithmetic; a wrong rounding is still wrong
    ['They need 12 / 5 = 2.4 = 3 buses', 'correct'],
    ['They need 12 / 5 = 2.4 = 5 buses', 'incorrect'],
    ['2.4 = 3', 'unverified'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});

// `$40 + 20% = $48`: a percent added to or taken from an amount is that share of it (the way a
// price with tax or a discount is written); the literal `40 + 0.2` still holds where it is meant.
// (Percentage points, `80 - 25% = 55`, are accepted too: the reader keeps no `$` to tell them apart.)
describe('a percent added to an amount', () => {
  it.each([
    ['$60 + 15% = $69', 'correct'],
    ['$60 + 15% = $70', 'incorrect'],
    ['$90 - 10% = $81', 'correct'],
    ['$90 - 10% = $85', 'incorrect'],
    ['60 + 15% = 60.15', 'correct'],
    ['30% + 45% = 75%', 'correct'],
    ['30% + 45% = 80%', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});

// `23 / 4 = 5 remainder 3` states 4 * 5 + 3 = 23; a remainder as large as the divisor is none
describe('division with a remainder', () => {
  it.each([
    ['23 / 4 = 5 remainder 3', 'correct'],
    ['23 / 4 = 5 remainder 2', 'incorrect'],
    ['23 ÷ 4 = 5 R 3', 'correct'],
    ['They fill 23 / 4 = 5, with a remainder of 3', 'correct'],
    ['23 / 4 = 4 remainder 7', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('says which product and remainder fail', () => {
    expect(verdictOf('23 / 4 = 5 remainder 2').reason).toBe('4 * 5 + 2 = 22, not 23');
  });
});

// `3 小时 = 180 分钟`: Chinese unit words are the units they name, so conversions are checked
describe('conversions written with Chinese units', () => {
  it.each([
    ['4 小时 = 240 分钟', 'correct'],
    ['4 小时 = 200 分钟', 'incorrect'],
    ['3 千克 = 3000 克', 'correct'],
    ['3 千克 = 300 克', 'incorrect'],
    ['2 公里 = 2000 米', 'correct'],
    ['1 小时 + 30 分钟 = 90 分钟', 'correct'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});

describe('measures written as a fraction or a count of things', () => {
  it.each([
    ['20 minutes = 1/3 hour', 'correct'],
    ['20 minutes = 1/4 hour', 'incorrect'],
    ['4 dozen eggs = 48 eggs', 'correct'],
    ['4 dozen eggs = 40 eggs', 'incorrect'],
    ['3 pairs of socks = 6 socks', 'correct'],
    ['The track: 4500 meters / 1000 meters/km = 4.5 km', 'correct'],
    ['The song: 150 seconds / 60 seconds/minute = 2.5 minutes', 'correct'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});

// `48/2 = <<48/2=24>>24`: a calculator's note (GSM8K's format) is no claim of the student's own
describe('calculator notes', () => {
  it.each([
    ['She reads 36/3 = <<36/3=12>>12 pages a day', 'correct'],
    ['She reads 36/3 = <<36/3=12>>13 pages a day', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});
