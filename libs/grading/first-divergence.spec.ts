// The first-divergence rule (GRADING.md "First divergence from the reference"): work that is true
// line by line and ends on a wrong answer is wrong where it leaves the reference's quantities for
// good; a detour that rejoins the reference, or applies its own rate to a part, is not an error.
import { describe, expect, it } from '@jest/globals';
import type { ReferenceInput } from './index.js';
import { checkSteps } from './index.js';

// A bakery makes 40 loaves an hour for 6 hours and sells them at $3; it spends $150 on flour.
const BAKERY =
  'A bakery bakes 40 loaves an hour for 6 hours a day and sells each loaf for $3. Flour costs $150 a day. What is its daily profit?';
const BAKERY_REFERENCE: ReferenceInput = {
  steps: ['It bakes 40 × 6 = 240 loaves a day.', 'They sell for 240 × 3 = $720.', 'The profit is 720 - 150 = $570.'],
  answer: '570',
};

const check = (steps: string[], reference: ReferenceInput | undefined, answer = '570') =>
  checkSteps({ problem: BAKERY, steps, answer, reference });

describe('first divergence from the reference', () => {
  it('flags the step that leaves the reference for good, quoting the reference', () => {
    const result = check(
      [
        'It bakes 40 × 6 = 240 loaves a day.',
        'They sell for 240 × 3 = $720.',
        'The profit is 720 + 150 = $870.',
        'A: 870',
      ],
      BAKERY_REFERENCE,
    );
    expect(result.firstErrorStep).toBe(2);
    expect(result.steps[2]).toMatchObject({ verdict: 'incorrect', method: 'reference' });
    expect(result.steps[2].reason).toContain('870');
    expect(result.steps[2].reason).toContain('the reference has 720 - 150 = 570 here');
    expect(result.steps[2].reason).toContain('this step adds where the reference subtracts');
    expect(result.steps.slice(0, 2).map((s) => s.verdict)).toEqual(['correct', 'correct']);
  });

  it('does not flag a valid route that rejoins the reference', () => {
    // per loaf profit first is not the reference's route; 3 × 240 rejoins it at 720
    const result = check(
      ['Each hour brings 40 × 3 = $120.', 'Six hours bring 120 × 6 = $720.', 'The profit is 720 - 150 = $570.'],
      BAKERY_REFERENCE,
    );
    expect(result.firstErrorStep).toBeNull();
    expect(result.steps.every((s) => s.verdict === 'correct')).toBe(true);
  });

  it('an off-route step that is later rejoined is not the error: the later divergence is', () => {
    const result = check(
      ['Each hour brings 40 × 3 = $120.', 'Six hours bring 120 × 6 = $720.', 'The profit is 720 - 15 = $705.'],
      BAKERY_REFERENCE,
    );
    expect(result.firstErrorStep).toBe(2);
  });

  it("applying the reference's own rate to a part is a detour, not the divergence", () => {
    // × 40 and × 3 are the reference's own factors, applied to 3 hours: by linearity a valid part
    const result = check(
      ['In 3 hours it bakes 3 × 40 = 120 loaves.', 'Those sell for 120 × 3 = $360.', 'The profit is 360 - 150 = $210.'],
      BAKERY_REFERENCE,
    );
    expect(result.steps.slice(0, 2).map((s) => s.verdict)).toEqual(['correct', 'correct']);
    expect(result.firstErrorStep).toBe(2);
  });

  it('a step off the reference by an operation the reference never uses there is the divergence', () => {
    const result = check(
      ['It bakes 40 + 6 = 46 loaves a day.', 'They sell for 46 × 3 = $138.', 'The profit is 138 - 150 = -$12.'],
      BAKERY_REFERENCE,
    );
    expect(result.firstErrorStep).toBe(0);
    expect(result.steps[0].method).toBe('reference');
  });

  it('a refuted claim outranks the divergence', () => {
    const result = check(
      ['It bakes 40 × 6 = 250 loaves a day.', 'They sell for 250 × 3 = $750.', 'The profit is 750 - 150 = $600.'],
      BAKERY_REFERENCE,
    );
    expect(result.firstErrorStep).toBe(0);
    expect(result.steps[0].method).not.toBe('reference');
  });

  it('never flags anything when the answer is right', () => {
    const result = check(['40 × 6 × 3 = 720', '720 - 150 = 570'], BAKERY_REFERENCE);
    expect(result.firstErrorStep).toBeNull();
  });
});

describe('work that stops at a value the reference passes through', () => {
  it('flags the sentence that gives the intermediate as the answer, not the computation', () => {
    const result = check(
      ['It bakes 40 × 6 = 240 loaves.', 'They sell for 240 × 3 = $720.', 'So the profit is $720.', 'A: 720'],
      BAKERY_REFERENCE,
    );
    expect(result.firstErrorStep).toBe(2);
    expect(result.steps[2]).toMatchObject({ verdict: 'incorrect', method: 'reference' });
    expect(result.steps[2].reason).toContain('passes through 720');
    expect(result.steps[1].verdict).toBe('correct');
  });

  it('flags the computation when only answer lines follow it', () => {
    const result = check(
      ['It bakes 40 × 6 = 240 loaves.', 'They sell for 240 × 3 = $720.', 'A: 720', 'The answer is 720'],
      BAKERY_REFERENCE,
    );
    expect(result.firstErrorStep).toBe(1);
  });
});

describe('without a reference, the step that gives the wrong answer is the first error', () => {
  it('names the key in the reason', () => {
    const result = check(['40 × 6 = 240', '240 × 3 = 720', '720 + 150 = 870', 'The answer is 870.'], undefined);
    expect(result.firstErrorStep).toBe(2);
    expect(result.steps[2]).toMatchObject({ verdict: 'incorrect', method: 'answer_key' });
    expect(result.steps[2].reason).toContain('570');
  });

  it('flags nothing when the answer matches the key', () => {
    const result = check(['40 × 6 = 240', '240 × 3 = 720', '720 - 150 = 570', 'The answer is 570.'], undefined);
    expect(result.firstErrorStep).toBeNull();
  });
});

// A class of 26 travels in vans of 4: 26 / 4 = 6.5, so 7 vans (a part of a van still needs one).
const VANS = 'A class of 26 students travels in vans that hold 4 students each. How many vans are needed?';
const VANS_REFERENCE: ReferenceInput = {
  steps: ['26 / 4 = 6.5 vans of students', 'A part of a van still needs a van, so 7 vans are needed.'],
  answer: '7',
};
const checkVans = (steps: string[]) => checkSteps({ problem: VANS, steps, answer: '7', reference: VANS_REFERENCE });

describe('an answer rounded from a value worked out before', () => {
  it('depends on that value: the divergence before it is the first error, not the answer line', () => {
    const result = checkVans([
      'Each van holds 5, so 26 / 5 = 5.2 vans',
      'A van cannot be split, so 5 vans.',
      'The answer is 5',
    ]);
    expect(result.firstErrorStep).toBe(0);
    expect(result.steps[0]).toMatchObject({ verdict: 'incorrect', method: 'reference' });
    expect(result.steps[0].reason).toContain('the reference has 26 / 4 = 6.5 here');
    expect(result.steps[2]).toMatchObject({ verdict: 'incorrect', method: 'answer_key' });
  });

  it('rounding the reference value the wrong way is wrong at the answer, not at the division', () => {
    const result = checkVans(['26 / 4 = 6.5 vans', 'A van cannot be split, so 6 vans.', 'The answer is 6']);
    expect(result.firstErrorStep).toBe(2);
    expect(result.steps[0].verdict).toBe('correct');
    expect(result.steps[2]).toMatchObject({ verdict: 'incorrect', method: 'answer_key' });
  });

  it('a whole number that rounds no earlier value links to nothing', () => {
    // 8 is neither 5.2 rounded up nor down: no dependency, so no divergence can be traced to step 0
    const result = checkVans(['Each van holds 5, so 26 / 5 = 5.2 vans', 'So 8 vans.', 'The answer is 8']);
    expect(result.firstErrorStep).toBe(2);
    expect(result.steps[0].verdict).toBe('correct');
  });
});

describe("the reference's factor applied to the wrong quantity", () => {
  // A shop sells pens at $3: on Monday 40 to students and 45 to teachers; on Tuesday twice as many
  // to students as on Monday, and 45 to teachers again.
  const PENS =
    "A shop sells pens for $3 each. On Monday it sells 40 pens to students and 45 to teachers. On Tuesday it sells twice as many pens to students as on Monday and 45 to teachers. How much money do Tuesday's sales bring?";
  const PENS_REFERENCE: ReferenceInput = {
    steps: [
      'On Monday it sells 40 + 45 = 85 pens.',
      'On Tuesday students buy 2 * 40 = 80 pens.',
      'On Tuesday it sells 80 + 45 = 125 pens.',
      'They bring 125 * 3 = $375.',
    ],
    answer: '375',
  };
  const gradePens = (steps: string[]) => checkSteps({ problem: PENS, steps, answer: '375', reference: PENS_REFERENCE });

  it("is the divergence when the quantity is another of the reference's own", () => {
    // × 2 is the reference's factor for the students' 40; 85 is the reference's Monday total, not a part of 40
    const result = gradePens([
      'On Monday it sells 40 + 45 = 85 pens.',
      'On Tuesday students buy 2 * 85 = 170 pens.',
      'On Tuesday it sells 170 + 45 = 215 pens.',
      'They bring 215 * 3 = $645.',
    ]);
    expect(result.firstErrorStep).toBe(1);
    expect(result.steps[1]).toMatchObject({ verdict: 'incorrect', method: 'reference' });
  });

  it('is the divergence when the quantity is a given number the reference does not scale', () => {
    // × 2 applied to the teachers' 45 (given, more than the 40 the reference doubles)
    const result = gradePens([
      'On Monday it sells 40 + 45 = 85 pens.',
      'On Tuesday students buy 2 * 45 = 90 pens.',
      'On Tuesday it sells 90 + 45 = 135 pens.',
      'They bring 135 * 3 = $405.',
    ]);
    expect(result.firstErrorStep).toBe(1);
  });

  it("stays a detour on a quantity of the student's own", () => {
    // 2 × 50: the reference's factor on a figure the reference never has (more than its 40) may be a valid route
    const result = gradePens([
      'On Monday it sells 40 + 45 = 85 pens.',
      'On Tuesday students buy 2 * 50 = 100 pens.',
      'On Tuesday it sells 100 + 45 = 145 pens.',
      'They bring 145 * 3 = $435.',
    ]);
    expect(result.firstErrorStep).toBe(2);
  });
});
