// Protects the one text rule for submissions: a NUL or an unpaired surrogate in any field is a
// clear rejection naming the field (Postgres cannot store them), while ordinary Unicode passes.
import { describe, expect, it } from '@jest/globals';
import { normalizeSubmission } from './submission.dto.js';

const keys = new Set(['p1']);
const submission = (overrides: { studentId?: string; step?: string; externalId?: string }) => ({
  studentId: overrides.studentId ?? 's-1',
  externalId: overrides.externalId,
  answers: [{ problemKey: 'p1', steps: [overrides.step ?? '2 + 2 = 4'] }],
});

describe('normalizeSubmission: text Postgres cannot store', () => {
  it.each([
    ['a NUL in a step', { step: '2 + 2 = 4\u0000' }, 'answers.0.steps.0'],
    ['a lone high surrogate in a step', { step: 'x = \uD83D' }, 'answers.0.steps.0'],
    ['a lone low surrogate in the student id', { studentId: 's\uDE00' }, 'studentId'],
    ['a NUL in the external id', { externalId: 'e\u0000' }, 'externalId'],
  ])('%s is rejected with the field named', (_, overrides, field) => {
    const result = normalizeSubmission(submission(overrides), keys);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: must not contain NUL`));
  });

  it.each([
    ['an emoji (a paired surrogate)', { step: 'x = 2 😀' }],
    ['Chinese prose', { step: '所以 x = 2', studentId: '学生-1' }],
    ['a tab inside a step', { step: '2 +\t2 = 4' }],
  ])('%s is accepted', (_, overrides) => {
    expect(normalizeSubmission(submission(overrides), keys).ok).toBe(true);
  });
});
