// Units inside arithmetic: numbers with units inside brackets are read as arithmetic, and a sum of
// measures in different units of one kind is checked in one unit, never on the bare numbers
// (`1 hour + 30 minutes = 90 minutes` is true, though 1 + 30 is not 90). Each rule has a case
// that must pass beside one that must fail.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const verdictOf = (step: string) => checkSteps({ problem: 'A word problem.', steps: [step] }).steps[0];

describe('units inside brackets', () => {
  it.each([
    ['She has 24 hours - (9 hours + 7 hours + 2 hours) = 6 hours left.', 'correct'],
    ['She has 24 hours - (9 hours + 7 hours + 2 hours) = 8 hours left.', 'incorrect'],
    ['The pen is (4 feet + 2 feet) * (5 feet + 2 feet) = 42 square feet.', 'correct'],
    ['The pen is (4 feet + 2 feet) * (5 feet + 2 feet) = 40 square feet.', 'incorrect'],
    ['Busy time is 24 hours - (8 hours + 6 hours + 1 hour) = 9 hours.', 'correct'],
    ['Busy time is 24 hours - (8 hours + 6 hours + 1 hour) = 19 hours.', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('a lone measure in brackets is an aside, not a claim', () => {
    expect(verdictOf('The shelf (4 crates) = 40 pens').verdict).toBe('unverified');
  });
});

describe('a sum of measures in different units of one kind', () => {
  it.each([
    ['The film runs 1 hour + 30 minutes = 90 minutes.', 'correct'],
    ['The film runs 1 hour + 30 minutes = 100 minutes.', 'incorrect'],
    ['(2 feet + 6 inches) = 30 inches', 'correct'],
    ['(2 feet + 6 inches) = 26 inches', 'incorrect'],
    ['24 hours - (8 hours + 30 minutes) = 15.5 hours', 'correct'],
    ['24 hours - (8 hours + 30 minutes) = 16 hours', 'incorrect'],
    ['1 km + 250 meters = 1250 meters', 'correct'],
    ['1 km + 250 meters = 1025 meters', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('says the units it read, and the sum in the right side unit when false', () => {
    expect(verdictOf('1 hour + 30 minutes = 90 minutes').reason).toContain('with its units (hour, minute)');
    expect(verdictOf('1 hour + 30 minutes = 100 minutes').reason).toContain('in minutes the left side is 90, not 100');
  });

  it('names the unit of the right side, in the plural', () => {
    expect(verdictOf('(2 feet + 6 inches) = 26 inches').reason).toContain('in inches the left side is 30, not 26');
  });

  it('the bare numbers adding up does not make a sum across units true', () => {
    expect(verdictOf('1 hour + 30 minutes = 31 minutes').verdict).toBe('incorrect');
    expect(verdictOf('1 hour + 30 hours = 31 hours').verdict).toBe('correct');
  });

  it('a bare number beside dozens counts single items', () => {
    expect(verdictOf('2 dozen + 6 = 30 eggs').verdict).toBe('correct');
    expect(verdictOf('2 dozen + 6 = 20 eggs').verdict).toBe('incorrect');
  });

  it('a bare amount beside cents is dollars (the reader drops the $)', () => {
    expect(verdictOf('She pays $3 + 50 cents = $3.50').verdict).toBe('correct');
    expect(verdictOf('She pays $3 + 50 cents = $3.60').verdict).toBe('incorrect');
  });

  it('one measure scaled by a plain number converts too', () => {
    expect(verdictOf('It takes 30 minutes x 2 = 1 hour').verdict).toBe('correct');
    expect(verdictOf('It takes 30 minutes x 2 = 2 hours').verdict).toBe('incorrect');
  });

  it('a product of measures stays arithmetic on the bare numbers', () => {
    expect(verdictOf('2 hours x 30 minutes = 60').verdict).toBe('correct');
    expect(verdictOf('2 hours x 30 minutes = 61').verdict).toBe('incorrect');
  });
});

describe('coins', () => {
  it.each([
    ['4 quarters = $1', 'correct'],
    ['4 quarters = $2', 'incorrect'],
    ['10 dimes = $1', 'correct'],
    ['10 dimes = $2', 'incorrect'],
    ['3 quarters + 2 dimes = 95 cents', 'correct'],
    ['3 quarters + 2 dimes = 85 cents', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });
});

describe('rate units and minutes written short', () => {
  it.each([
    ['The trip is 30 km/h / 60 min/h = 0.5 km/min', 'correct'],
    ['The trip is 30 km/h / 60 min/h = 5 km/min', 'incorrect'],
    ['It goes 12 km/h * 3 = 36 km', 'correct'],
    ['It goes 12 km/h * 3 = 30 km', 'incorrect'],
    ['It takes 45 min + 15 min = 60 min', 'correct'],
    ['It takes 45 min + 15 min = 70 min', 'incorrect'],
    ['1 hour + 30 min = 90 min', 'correct'],
    ['1 hour + 30 min = 31 min', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('min applied to a bracket is still the minimum', () => {
    expect(verdictOf('min(3, 5) = 3').verdict).toBe('correct');
    expect(verdictOf('min(3, 5) = 5').verdict).toBe('incorrect');
  });
});

describe('a unit conversion that holds says so', () => {
  it('names the conversion, not only the bare numbers', () => {
    expect(verdictOf('2 hours = 120 minutes').reason).toBe('2 = 120 holds with its units (2 hour = 120 minute)');
    expect(verdictOf('2 hours = 100 minutes').verdict).toBe('incorrect');
  });
});

// `3 hours 15 minutes`, `4 feet and 2 inches`: one measure in two units is the sum of its parts
describe('one measure written in two units', () => {
  it.each([
    ['The trip took 3 hours 15 minutes = 195 minutes', 'correct'],
    ['The trip took 3 hours 15 minutes = 185 minutes', 'incorrect'],
    ['3 hours and 15 minutes = 195 minutes', 'correct'],
    ['3 hours and 15 minutes = 200 minutes', 'incorrect'],
    ['195 minutes = 3 hours 15 minutes', 'correct'],
    ['195 minutes = 3 hours 5 minutes', 'incorrect'],
    ['4 feet 2 inches = 50 inches', 'correct'],
    ['4 feet 2 inches = 42 inches', 'incorrect'],
    ['3 hours 15 minutes - 45 minutes = 2 hours 30 minutes', 'correct'],
    ['3 hours 15 minutes - 45 minutes = 2 hours 20 minutes', 'incorrect'],
    ['1 hour 15 minutes x 4 = 5 hours', 'correct'],
    ['1 hour 15 minutes x 4 = 6 hours', 'incorrect'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdictOf(step).verdict).toBe(verdict);
  });

  it('says the scaled measure in the unit of the answer', () => {
    expect(verdictOf('1 hour 15 minutes x 4 = 6 hours').reason).toBe(
      '(1 + 15) * 4 = 6: in hours the left side is 5, not 6',
    );
  });

  it('the answer is the single measure, not the bare sum of the two units', () => {
    const result = checkSteps({
      problem: 'How many minutes did the trip take?',
      steps: ['The trip took 195 minutes = 3 hours 15 minutes'],
      answer: '195',
    });
    expect(result.finalAnswer.verdict).toBe('correct');
  });

  it('a larger unit after a smaller one is no single measure', () => {
    expect(verdictOf('15 minutes 3 hours = 195 minutes').verdict).not.toBe('correct');
  });
});
