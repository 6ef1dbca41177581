// Protects what a PATCH changes: a new revision only when the statement, key, steps or definitions
// really change (jsonb key order is not a change), and results go stale only on grading changes.
import { describe, expect, it } from '@jest/globals';
import type { AssignmentRow } from '../../../libs/db/index.js';
import { planAssignmentEdit, sameJson, UnknownProblemError } from './assignment-update.plan.js';

const assignment: AssignmentRow = {
  id: 'a1',
  orgId: 'o1',
  title: 'T',
  externalId: null,
  grading: { inference: 'auto', reviewUnverified: false },
  createdAt: new Date(0),
  updatedAt: new Date(0),
  problems: [
    {
      id: 'p1',
      key: 'k1',
      position: 0,
      revision: 1,
      statement: 'S',
      answer: '5',
      referenceSteps: [],
      definitions: { 'f(x)': 'x^2' },
      points: 10,
      policy: { answerWeight: 0.5, errorCarriedForward: true },
      referenceStatus: 'ready',
    },
  ],
};

describe('planAssignmentEdit', () => {
  it('changes nothing for a title-only edit', () => {
    expect(planAssignmentEdit(assignment, { title: 'New' })).toEqual({
      assignmentId: 'a1',
      title: 'New',
      grading: undefined,
      problems: [],
      gradingChanged: false,
    });
  });

  it('ignores fields equal to what is stored, whatever their key order', () => {
    const plan = planAssignmentEdit(assignment, {
      problems: [
        { key: 'k1', definitions: { 'f(x)': 'x^2' }, policy: { errorCarriedForward: true, answerWeight: 0.5 } },
      ],
    });
    expect(plan.problems).toEqual([]);
    expect(plan.gradingChanged).toBe(false);
  });

  it('bumps the revision on a new key; removing the key under auto needs a model reference', () => {
    expect(planAssignmentEdit(assignment, { problems: [{ key: 'k1', answer: '6' }] }).problems).toEqual([
      { problemId: 'p1', answer: '6', newRevision: { referenceStatus: 'ready' } },
    ]);
    expect(
      planAssignmentEdit(assignment, { problems: [{ key: 'k1', answer: null }] }).problems[0]!.newRevision,
    ).toEqual({ referenceStatus: 'pending' });
  });

  it('marks grading changed without a new revision for points and policy', () => {
    const plan = planAssignmentEdit(assignment, { problems: [{ key: 'k1', points: 4, policy: { answerWeight: 1 } }] });
    expect(plan.problems).toEqual([
      { problemId: 'p1', points: 4, policy: { answerWeight: 1, errorCarriedForward: true } },
    ]);
    expect(plan.gradingChanged).toBe(true);
  });

  it('marks grading changed when the grading settings change', () => {
    expect(planAssignmentEdit(assignment, { grading: { reviewUnverified: true } })).toMatchObject({
      grading: { inference: 'auto', reviewUnverified: true },
      gradingChanged: true,
    });
  });

  it('refuses problems the assignment does not have', () => {
    expect(() => planAssignmentEdit(assignment, { problems: [{ key: 'k9', answer: '1' }] })).toThrow(
      UnknownProblemError,
    );
  });
});

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [null, undefined, true],
  ])('%j vs %j', (left, right, same) => {
    expect(sameJson(left, right)).toBe(same);
  });
});
