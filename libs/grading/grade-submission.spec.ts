// Protects what the worker stores per answer when the problem has a reference: skipped reference
// steps in the result and in the feedback, and the penalty for a skipped required step.
import { describe, expect, it } from '@jest/globals';
import { gradeSubmission, type ProblemForGrading } from './grade-submission.js';

const problem: ProblemForGrading = {
  key: 'p1',
  statement: 'f(x) = x^3 - 3x^2 + 2, find its maximum and minimum on [-1, 3].',
  answer: 'max = 2, min = -2',
  definitions: {},
  points: 10,
  policy: { missingRequiredStepPenalty: 0.2 },
  referenceSteps: [
    "f'(x) = 3x(x - 2), so x = 0 or x = 2",
    'f(0) = 2, f(2) = -2',
    { text: 'f(-1) = -2, f(3) = 2', required: true },
  ],
};

describe('gradeSubmission with a reference', () => {
  it('carries the skipped reference steps and matches into the result', () => {
    const graded = gradeSubmission(
      [problem],
      [
        {
          problemKey: 'p1',
          steps: [
            "f'(x) = 3x^2 - 6x",
            '3x(x - 2) = 0',
            'x = 2',
            'f(-1) = -2, f(2) = -2, f(3) = 2',
            'max = 2, min = -2',
          ],
        },
      ],
    );
    const [answer] = graded.answers;
    expect(answer.skippedReferenceSteps).toEqual([1]);
    expect(answer.steps.map((s) => s.matchesReferenceStep)).toEqual([0, 0, null, 2, null]);
    expect(answer.score).toBe(9);
    expect(answer.feedback).toContain('f(0) = 2, f(2) = -2');
  });

  it('subtracts the penalty for a skipped required step from a right answer', () => {
    const graded = gradeSubmission(
      [problem],
      [
        {
          problemKey: 'p1',
          steps: ["f'(x) = 3x^2 - 6x", 'x = 0 or x = 2', 'f(0) = 2, f(2) = -2', 'max = 2, min = -2'],
        },
      ],
    );
    expect(graded.answers[0].skippedReferenceSteps).toEqual([2]);
    expect(graded.answers[0].score).toBe(8);
  });

  it('reports nothing skipped when the problem has no reference', () => {
    const graded = gradeSubmission([{ ...problem, referenceSteps: [] }], [{ problemKey: 'p1', steps: ['f(0) = 2'] }]);
    expect(graded.answers[0].skippedReferenceSteps).toEqual([]);
  });
});
