// Protects the override rules: an override replaces one answer's score, the total follows, and an
// overridden answer no longer keeps its submission in review.
import { describe, expect, it } from '@jest/globals';
import { allAnswersSettled, applyOverrides } from './override-merge.js';

const unverified = { verdict: 'unverified' };
const correct = { verdict: 'correct' };
const override = (problemKey: string, score: number) => ({
  problemKey,
  score,
  comment: 'seen',
  by: 'k1',
  at: new Date(0),
});

describe('applyOverrides', () => {
  it('replaces the overridden score and recomputes the total', () => {
    const merged = applyOverrides(
      [
        { problemKey: 'p1', score: 2.5, steps: [correct] },
        { problemKey: 'p2', score: 4, steps: [unverified] },
      ],
      [override('p1', 9.333)],
    );
    expect(merged.answers.map((answer) => answer.score)).toEqual([9.333, 4]);
    expect(merged.score).toBe(13.33);
    expect(merged.unverifiedSteps).toBe(1);
  });

  it('drops the unverified steps of an overridden answer from the count', () => {
    expect(
      applyOverrides([{ problemKey: 'p1', score: 0, steps: [unverified, unverified] }], [override('p1', 1)])
        .unverifiedSteps,
    ).toBe(0);
  });
});

describe('allAnswersSettled', () => {
  const answers = [
    { problemKey: 'p1', score: 0, steps: [unverified] },
    { problemKey: 'p2', score: 1, steps: [correct] },
  ];
  it.each([
    ['needs_review with an unverified answer not overridden', 'needs_review', [], false],
    ['needs_review whose unverified answer is overridden', 'needs_review', ['p1'], true],
    ['graded results are settled', 'graded', [], true],
  ])('%s', (_name, status, keys, expected) => {
    expect(allAnswersSettled(answers, status as string, new Set(keys as string[]))).toBe(expected);
  });
});

describe('allAnswersSettled with a problem in review', () => {
  const answers = [
    { problemKey: 'p1', score: 2, steps: [correct], finalAnswer: { verdict: 'unverified', review: 'problem p1: …' } },
    { problemKey: 'p2', score: 1, steps: [correct] },
  ];
  it('is unsettled until the problem in review is overridden', () => {
    expect(allAnswersSettled(answers, 'needs_review', new Set(['p2']))).toBe(false);
    expect(allAnswersSettled(answers, 'needs_review', new Set(['p1']))).toBe(true);
  });
});
