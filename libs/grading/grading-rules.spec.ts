// The grading rules a teacher expects (issue 11, item 6; GRADING.md "Verdict of a step"), tried the
// way a teacher would: a problem, its key, and the student's steps, through checkSteps and the score.
import { describe, expect, it } from '@jest/globals';
import type { CheckStepsInput } from './index.js';
import { checkSteps, judgeableSteps, scoreAnswer } from './index.js';
import { gradeSubmission } from './grade-submission.js';

const SOLVE_LINEAR = 'Solve 2x + 3 = 11.';
const SOLVE_QUADRATIC = 'Solve $x^2-5x+6=0$.';
const WORD_PROBLEM = 'Ana buys 3 red pens and 4 blue pens. How many pens does she buy?';

const check = (problem: string, steps: string[], answer: string | null) => checkSteps({ problem, steps, answer });
const score = (input: CheckStepsInput) => scoreAnswer(checkSteps(input), {}, 10);

describe('a bare final answer is decided by the key', () => {
  it.each(['4', 'x = 4', '$4.00'])('%s matching the key is checked, not left for a model', (step) => {
    const result = check('Ana had $1.50 and earned $2.50. How much does she have now?', [step], '4');
    expect(result.steps[0].verdict).toBe('correct');
    expect(result.steps[0].reason).not.toContain('no checkable claim');
    expect(result.finalAnswer.verdict).toBe('correct');
  });

  it.each(['5', 'x = 5', '$5.00'])('%s against the key 4 is the first error', (step) => {
    const result = check('Ana had $1.50 and earned $2.50. How much does she have now?', [step], '4');
    expect(result.steps[0]).toMatchObject({ verdict: 'incorrect', method: 'answer_key' });
    expect(result.firstErrorStep).toBe(0);
  });

  it('is never among the steps sent to a model', () => {
    const problem = {
      key: 'p1',
      statement: WORD_PROBLEM,
      answer: '7',
      definitions: {},
      points: 10,
      policy: {},
    };
    const right = gradeSubmission([problem], [{ problemKey: 'p1', steps: ['7'] }]);
    const wrong = gradeSubmission([problem], [{ problemKey: 'p1', steps: ['8'] }]);
    expect(judgeableSteps(right.answers)).toEqual([]);
    expect(judgeableSteps(wrong.answers)).toEqual([]);
    // prose with no math and no answer in it is still a step a model may judge
    const prose = gradeSubmission([problem], [{ problemKey: 'p1', steps: ['I count the pens.', '7'] }]);
    expect(judgeableSteps(prose.answers).map((s) => s.stepIndex)).toEqual([0]);
  });
});

describe('x = 4 alone for "solve 2x + 3 = 11"', () => {
  it('is a checked solution statement and earns full marks', () => {
    const result = check(SOLVE_LINEAR, ['x = 4'], '4');
    expect(result.steps[0]).toMatchObject({ verdict: 'correct', method: 'cas' });
    expect(result.steps[0].reason).toContain('solves');
    expect(score({ problem: SOLVE_LINEAR, steps: ['x = 4'], answer: '4' })).toBe(10);
  });

  it('x = 5 is wrong by the equation, and earns nothing', () => {
    const result = check(SOLVE_LINEAR, ['x = 5'], '4');
    expect(result.steps[0]).toMatchObject({ verdict: 'incorrect', method: 'cas' });
    expect(score({ problem: SOLVE_LINEAR, steps: ['x = 5'], answer: '4' })).toBe(0);
  });
});

describe('an answer key written x = 4', () => {
  it("matches a student's x = 4 in every part, for full marks", () => {
    const result = check(SOLVE_LINEAR, ['x = 4'], 'x = 4');
    expect(result.finalAnswer.verdict).toBe('correct');
    expect(result.finalAnswer.parts).toEqual([{ name: 'x', verdict: 'correct' }]);
    expect(score({ problem: SOLVE_LINEAR, steps: ['x = 4'], answer: 'x = 4' })).toBe(10);
  });

  it('matches a bare 4 as the whole answer', () => {
    const result = check(SOLVE_LINEAR, ['2x = 8', '4'], 'x = 4');
    expect(result.finalAnswer.parts).toEqual([{ name: 'x', verdict: 'correct' }]);
  });

  it("gives x = 5 no part of the answer's points", () => {
    const result = check(SOLVE_LINEAR, ['x = 5'], 'x = 4');
    expect(result.finalAnswer.parts).toEqual([{ name: 'x', verdict: 'incorrect' }]);
  });

  it('still judges each part of a key with several', () => {
    const problem = 'Find the maximum and minimum of f(x) = x^2 on [-1, 2].';
    const result = check(problem, ['f(2) = 4', 'f(0) = 0', 'max = 4, min = 1'], 'max = 4, min = 0');
    expect(result.finalAnswer.parts).toEqual([
      { name: 'max', verdict: 'correct' },
      { name: 'min', verdict: 'incorrect' },
    ]);
  });
});

describe('"Solve x^2 - 5x + 6 = 0" answered by one step', () => {
  it.each(['x = 2 or x = 3', '2, 3', '{2, 3}'])('x = 2 or x = 3 is correct against the key %s', (key) => {
    const result = check(SOLVE_QUADRATIC, ['x = 2 or x = 3'], key);
    expect(result.steps[0]).toMatchObject({ verdict: 'correct', method: 'cas' });
    expect(result.finalAnswer).toMatchObject({ given: 'x = 2 or x = 3', verdict: 'correct' });
  });

  it('x = 2 or x = 4 is wrong, and so is the answer', () => {
    const result = check(SOLVE_QUADRATIC, ['x = 2 or x = 4'], 'x = 2 or x = 3');
    expect(result.steps[0].verdict).toBe('incorrect');
    expect(result.steps[0].reason).toContain('x = 3 was lost');
    expect(result.finalAnswer.verdict).toBe('incorrect');
  });

  it('x = 2 alone loses a root', () => {
    const result = check(SOLVE_QUADRATIC, ['x = 2'], '2, 3');
    expect(result.steps[0].verdict).toBe('incorrect');
    expect(result.finalAnswer.verdict).toBe('incorrect');
  });
});

describe('a conclusion the work does not establish', () => {
  it('is incorrect when it contradicts the key', () => {
    const result = check(WORD_PROBLEM, ['3 + 4 = 7', 'The answer is 12'], '7');
    expect(result.steps[1]).toMatchObject({ verdict: 'incorrect', method: 'answer_key' });
    expect(result.firstErrorStep).toBe(1);
  });

  it('is correct when it states the value the work found', () => {
    const result = check(WORD_PROBLEM, ['3 + 4 = 7', 'The answer is 7'], '7');
    expect(result.steps[1].verdict).toBe('correct');
    expect(result.firstErrorStep).toBeNull();
  });

  it('that rests on an earlier error is carried, not a second error', () => {
    const result = check(WORD_PROBLEM, ['3 + 4 = 8', 'The answer is 8'], '7');
    expect(result.steps.map((s) => s.verdict)).toEqual(['incorrect', 'carried_error']);
    expect(result.firstErrorStep).toBe(0);
  });
});

describe('no step credit without work', () => {
  it.each(['2 = 2', '7 = 7.0', 'x + 1 = x + 1'])('the tautology %s is checked but earns no credit', (step) => {
    const result = check(WORD_PROBLEM, ['3 + 4 = 7', step], '7');
    expect(result.steps[1].verdict).toBe('correct');
    expect(result.steps[1].stepCredit).toBe(false);
  });

  it('a restated number earns no credit', () => {
    const result = check(WORD_PROBLEM, ['3 + 4 = 7', 'She buys 7 pens.'], '7');
    expect(result.steps[1]).toMatchObject({ verdict: 'correct', stepCredit: false });
  });

  it('a computation earns its credit', () => {
    const result = check(WORD_PROBLEM, ['3 + 4 = 7'], '7');
    expect(result.steps[0].stepCredit).toBeUndefined();
  });

  it('padding the work with tautologies does not change the score', () => {
    const base = { problem: WORD_PROBLEM, answer: '7' };
    const honest = score({ ...base, steps: ['3 + 3 = 6', '3 + 4 = 7'] });
    const padded = score({ ...base, steps: ['3 + 3 = 6', '2 = 2', '5 = 5', '3 + 4 = 7'] });
    expect(honest).toBe(10);
    expect(padded).toBe(honest);
    // one real error among padding loses the same share as without it
    const wrong = score({ ...base, steps: ['3 + 3 = 5', '2 = 2', '5 = 5', '3 + 4 = 7'] });
    expect(wrong).toBe(score({ ...base, steps: ['3 + 3 = 5', '3 + 4 = 7'] }));
    expect(wrong).toBeLessThan(10);
  });
});

describe('an error carried into the solution', () => {
  it('after 2x = 11 - 3 = 9, x = 9/2 is carried_error, not a second incorrect', () => {
    const result = check(SOLVE_LINEAR, ['2x = 11 - 3 = 9', 'x = 9/2'], '4');
    expect(result.steps.map((s) => s.verdict)).toEqual(['incorrect', 'carried_error']);
    expect(result.firstErrorStep).toBe(0);
  });

  it('after 2x = 11 - 3 = 8, x = 4 is correct and x = 5 is wrong', () => {
    expect(check(SOLVE_LINEAR, ['2x = 11 - 3 = 8', 'x = 4'], '4').steps.map((s) => s.verdict)).toEqual([
      'correct',
      'correct',
    ]);
    const wrong = check(SOLVE_LINEAR, ['2x = 11 - 3 = 8', 'x = 5'], '4');
    expect(wrong.steps.map((s) => s.verdict)).toEqual(['correct', 'incorrect']);
    expect(wrong.firstErrorStep).toBe(1);
  });

  it("true arithmetic that leaves an equation without the problem's solution is the error", () => {
    const result = check(SOLVE_LINEAR, ['2x = 11 + 3 = 14', 'x = 7'], '4');
    expect(result.steps.map((s) => s.verdict)).toEqual(['incorrect', 'carried_error']);
    expect(result.steps[0].reason).toContain('x = 4 was lost');
  });

  it('a later worked-out equation starts the condition that follows, without judging it again', () => {
    const result = check(SOLVE_LINEAR, ['2x = 11 - 3 = 8', 'x = 4', '3x = 20 - 5 = 15', 'x = 5'], '4');
    expect(result.steps.map((s) => s.verdict)).toEqual(['correct', 'correct', 'correct', 'correct']);
  });
});
