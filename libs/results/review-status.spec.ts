// Protects the submission's status from its problems: needs_review lists each problem in review
// with its own reason; an override settles that problem and takes it off the list.
import { describe, expect, it } from '@jest/globals';
import { reviewStatus } from './review-status.js';

const answers = [
  { problemKey: 'p1', finalAnswer: { verdict: 'correct' } },
  { problemKey: 'p2', finalAnswer: { verdict: 'unverified', review: 'problem p2: cause: fix' } },
  { problemKey: 'p3', finalAnswer: { verdict: 'unverified', review: 'problem p3: other cause: other fix' } },
];

describe('reviewStatus', () => {
  it('lists every problem in review', () => {
    expect(reviewStatus(answers, new Set())).toEqual({
      status: 'needs_review',
      reason: 'needs review: problem p2: cause: fix; problem p3: other cause: other fix',
    });
  });

  it('drops overridden problems, and is graded once none is left', () => {
    expect(reviewStatus(answers, new Set(['p2'])).reason).toBe('needs review: problem p3: other cause: other fix');
    expect(reviewStatus(answers, new Set(['p2', 'p3']))).toEqual({ status: 'graded', reason: null });
  });
});
