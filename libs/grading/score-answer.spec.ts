// Protects GRADING.md's score rule: answer weight, steps share, carried errors under ECF, penalties, floor at 0.
import { describe, expect, it } from '@jest/globals';
import type { StepResult } from './index.js';
import { scoreAnswer } from './index.js';

const step = (verdict: StepResult['verdict'], index = 0): StepResult => ({
  index,
  text: '',
  verdict,
  method: 'cas',
  reason: 'r',
  matchesReferenceStep: null,
});
const correctAnswer = { given: '2', expected: '2', verdict: 'correct' as const };
const wrongAnswer = { given: '3', expected: '2', verdict: 'incorrect' as const };

describe('scoreAnswer', () => {
  it.each([
    ['all correct', [step('correct'), step('correct')], correctAnswer, {}, 10, 10],
    ['wrong answer, correct steps', [step('correct'), step('correct')], wrongAnswer, {}, 10, 5],
    ['one incorrect of two', [step('correct'), step('incorrect')], correctAnswer, {}, 10, 7.5],
    ['carried earns under ECF', [step('incorrect'), step('carried_error')], wrongAnswer, {}, 10, 2.5],
    [
      'carried earns nothing without ECF',
      [step('incorrect'), step('carried_error')],
      wrongAnswer,
      { errorCarriedForward: false },
      10,
      0,
    ],
    ['unverified left out of the denominator', [step('correct'), step('unverified')], wrongAnswer, {}, 10, 5],
    ['nothing checked: the answer carries all', [step('unverified')], correctAnswer, {}, 10, 10],
    ['answer weight 0.2', [step('correct'), step('incorrect')], correctAnswer, { answerWeight: 0.2 }, 10, 6],
    ['thirds rounded to 2 decimals', [step('correct'), step('correct'), step('incorrect')], wrongAnswer, {}, 10, 3.33],
  ] as const)('%s', (_name, steps, finalAnswer, policy, points, expected) => {
    expect(scoreAnswer({ steps: [...steps], finalAnswer }, policy, points)).toBe(expected);
  });

  it('gives each named part its share of the answer points', () => {
    const finalAnswer = {
      given: 'max = 2, min = -4',
      expected: 'max = 2, min = -2',
      verdict: 'incorrect' as const,
      parts: [
        { name: 'max', verdict: 'correct' },
        { name: 'min', verdict: 'incorrect' },
      ],
    };
    expect(scoreAnswer({ steps: [step('correct')], finalAnswer }, {}, 10)).toBe(7.5);
  });

  it('subtracts missing required step penalties and never goes below 0', () => {
    expect(
      scoreAnswer({ steps: [step('correct')], finalAnswer: correctAnswer }, { missingRequiredStepPenalty: 0.2 }, 10, 1),
    ).toBe(8);
    expect(
      scoreAnswer({ steps: [step('incorrect')], finalAnswer: wrongAnswer }, { missingRequiredStepPenalty: 0.5 }, 10, 3),
    ).toBe(0);
  });
});
