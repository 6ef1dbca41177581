// Protects what grading says per problem (issue 13): under auto with no model pool a keyless
// problem is graded at once with the reason and what to do; a pinned pool or a live one waits; an
// untrusted reference sends only its own problem to review, with a reason naming the problem, the
// cause and the fix; the submission's status lists the problems in review, overrides settle them.
import { describe, expect, it } from '@jest/globals';
import type { GradedAnswer } from '../../../libs/grading/grade-submission.js';
import { NO_KEY_NO_POOL, referencePlan } from './grading-input.js';
import { applyProblemNotes, markForReview, submissionStatus } from './problem-notes.js';

const problem = (key: string, overrides: Record<string, unknown> = {}) => ({
  key,
  statement: `problem ${key}`,
  answer: null as string | null,
  definitions: {},
  points: 10,
  policy: {},
  revision: 1,
  referenceSteps: [] as unknown[],
  referenceStatus: 'ready',
  references: [] as { revision: number; steps: unknown; finalAnswer: string | null }[],
  ...overrides,
});

const answer = (problemKey: string, verdict: string): GradedAnswer =>
  ({
    problemKey,
    score: 5,
    maxScore: 10,
    finalAnswer: { given: '3', expected: null, verdict },
    firstErrorStep: null,
    steps: [],
    skippedReferenceSteps: [],
    feedback: 'The final answer could not be compared with a key.',
  }) as unknown as GradedAnswer;

const options = { modelsUsable: false, inference: 'auto', untrustedReasons: new Map<string, string>() };

describe('referencePlan', () => {
  it('grades a keyless problem at once when no model is usable, saying what to do', () => {
    const plan = referencePlan(
      [problem('key', { answer: '60' }), problem('minimum', { referenceStatus: 'pending' })],
      options,
    );
    expect(plan.wait).toBe(false);
    expect([...plan.notes]).toEqual([['minimum', { reason: NO_KEY_NO_POOL, review: false }]]);
    expect(NO_KEY_NO_POOL).toBe('no answer key and no model pool: add a key or start a gpu/edge worker');
  });

  it('waits for a pending reference when a model is usable', () => {
    const plan = referencePlan([problem('minimum', { referenceStatus: 'pending' })], {
      ...options,
      modelsUsable: true,
    });
    expect(plan.wait).toBe(true);
  });

  it('says models are off under inference none', () => {
    const plan = referencePlan([problem('minimum')], { ...options, inference: 'none' });
    expect(plan.notes.get('minimum')!.reason).toMatch(/^no answer key and models are off \(grading.inference = none\)/);
  });

  it('sends only the untrusted problem to review, naming problem, cause and fix', () => {
    const untrustedReasons = new Map([
      ['written', 'not trusted after 3 attempt(s): step 1 is wrong'],
      ['absent', 'no gpu worker was available within 60 s'],
    ]);
    const plan = referencePlan(
      [
        problem('written', { referenceStatus: 'needs_review' }),
        problem('absent', { referenceStatus: 'needs_review' }),
        problem('keyed', { answer: '4' }),
      ],
      { ...options, untrustedReasons },
    );
    expect(plan.notes.get('written')).toEqual({
      review: true,
      reason:
        'problem written: the model-written reference is not trusted (not trusted after 3 attempt(s): step 1 is wrong): approve or replace it (stepgrade references approve|replace ASSIGNMENT written), or add an answer key',
    });
    expect(plan.notes.get('absent')!.reason).toBe(
      'problem absent: no reference was written (no gpu worker was available within 60 s): start a gpu/edge worker or add an answer key, then regrade',
    );
    expect(plan.notes.has('keyed')).toBe(false);
  });
});

describe('problem notes on graded answers', () => {
  const notes = new Map([
    ['minimum', { reason: NO_KEY_NO_POOL, review: false }],
    [
      'p2',
      { reason: 'problem p2: the model-written reference is not trusted (x): approve or replace it', review: true },
    ],
  ]);
  const noted = applyProblemNotes(
    [answer('p1', 'correct'), answer('minimum', 'unverified'), answer('p2', 'unverified')],
    notes,
  );

  it('puts the reason on the unverified final answer and in the feedback', () => {
    expect(noted[1]!.finalAnswer.reason).toBe(NO_KEY_NO_POOL);
    expect(noted[1]!.finalAnswer.review).toBeUndefined();
    expect(noted[1]!.feedback).toBe(`The final answer could not be checked: ${NO_KEY_NO_POOL}.`);
    expect(noted[0]).toEqual(answer('p1', 'correct'));
  });

  it('gives the submission needs_review with each problem in review, others graded', () => {
    const reviewed = markForReview(noted, new Map([['p1', 'problem p1: a model judgement of a step failed (x): …']]));
    expect(submissionStatus(reviewed, new Set())).toEqual({
      status: 'needs_review',
      reason:
        'needs review: problem p1: a model judgement of a step failed (x): …; problem p2: the model-written reference is not trusted (x): approve or replace it',
    });
    expect(submissionStatus(reviewed, new Set(['p1', 'p2']))).toEqual({ status: 'graded', reason: null });
    expect(submissionStatus(noted.slice(0, 2), new Set())).toEqual({ status: 'graded', reason: null });
  });
});
