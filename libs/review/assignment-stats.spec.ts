// Protects the assignment page's numbers: histogram bins, per-problem rates and the grouping of
// first errors into the most common ones, with examples; and that the page escapes what it shows.
import { describe, expect, it } from '@jest/globals';
import { renderAssignmentPage } from './assignment-page.js';
import { computeAssignmentStats, histogramOf } from './assignment-stats.js';
import type { SettledSubmission } from './review.types.js';

const wrongDerivative = { index: 0, text: "f'(x) = 3x^2 - 3x", reason: "f'(x) is 3x^2 - 6x, not 3x^2 - 3x" };

function settled(
  id: string,
  score: number,
  finalVerdict: string,
  firstError: SettledSubmission['answers'][number]['firstError'],
): SettledSubmission {
  return {
    submissionId: id,
    studentId: `s-${id}`,
    status: 'graded',
    score,
    maxScore: 10,
    answers: [{ problemKey: 'p1', answered: true, finalVerdict, firstError }],
  };
}

const latest = [
  settled('a', 10, 'correct', null),
  settled('b', 9, 'correct', wrongDerivative),
  settled('c', 4, 'incorrect', wrongDerivative),
  settled('d', 0, 'incorrect', { index: 2, text: 'x = 2', reason: 'x = 0 was lost' }),
];

describe('computeAssignmentStats', () => {
  it('bins percentages into ten bins, 100% in the last', () => {
    expect(histogramOf([0, 9.99, 10, 55, 100]).map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('computes the mean, correct and flawless rates', () => {
    const stats = computeAssignmentStats(['p1'], latest);
    expect(stats.meanPercent).toBeCloseTo(57.5);
    expect(stats.problems[0]).toMatchObject({ problemKey: 'p1', answered: 4, correctRate: 0.5, flawlessRate: 0.25 });
  });

  it('ranks first errors by count with example submissions', () => {
    const [top, second] = computeAssignmentStats(['p1'], latest).problems[0]!.commonErrors;
    expect(top).toEqual({ label: wrongDerivative.reason, count: 2, exampleSubmissionIds: ['b', 'c'] });
    expect(second).toMatchObject({ label: 'x = 0 was lost', count: 1 });
  });

  it('counts only the students who answered a problem', () => {
    const blank: SettledSubmission = {
      ...settled('z', 5, 'missing', null),
      answers: [{ problemKey: 'p1', answered: false, finalVerdict: 'missing', firstError: null }],
    };
    const stats = computeAssignmentStats(['p1'], [...latest, blank]);
    expect(stats.problems[0]).toMatchObject({ answered: 4, correctRate: 0.5, flawlessRate: 0.25 });
    expect(stats.scored).toBe(5);
  });

  it('reports no rate for a problem nobody answered', () => {
    expect(computeAssignmentStats(['p2'], latest).problems[0]).toMatchObject({
      answered: 0,
      correctRate: null,
      commonErrors: [],
    });
  });
});

describe('renderAssignmentPage', () => {
  it('links examples, escapes labels and refreshes only while work is pending', () => {
    const hostile = [settled('e', 1, 'incorrect', { index: 0, text: 'x', reason: '<script>alert(1)</script>' })];
    const view = {
      assignmentId: 'a1',
      title: 'HW <b>3</b>',
      problemKeys: ['p1'],
      latest: [...latest, ...hostile],
      submissionLink: (id: string) => `../submissions/${id}?token=t`,
    };
    const idle = renderAssignmentPage({ ...view, statusCounts: { graded: 5 } });
    expect(idle).toContain('href="../submissions/b?token=t"');
    expect(idle).not.toMatch(/<script|<b>3/);
    expect(idle).not.toContain('http-equiv="refresh"');
    expect(renderAssignmentPage({ ...view, statusCounts: { graded: 4, queued: 1 } })).toContain('http-equiv="refresh"');
  });
});
