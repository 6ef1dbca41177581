import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './check-steps.js';
import { readReference } from './reference-compare.js';
import { cachedReferenceCount, referenceFor } from './reference-cache.js';
import { problemContextFor } from './problem-context-cache.js';

const PROBLEM = 'A baker makes 9 trays of 14 rolls and sells 50 rolls. How many rolls are left?';
const REFERENCE = { steps: ['She bakes 9 * 14 = 126 rolls.', 'Then 126 - 50 = 76 rolls are left.'], answer: '76' };

describe('reference cache', () => {
  it('gives the reading readReference gives afresh, once per problem and reference', () => {
    const cached = referenceFor(PROBLEM, undefined, REFERENCE);
    expect(cached).toEqual(readReference(REFERENCE, () => problemContextFor(PROBLEM, undefined)));
    expect(referenceFor(PROBLEM, undefined, { ...REFERENCE, steps: [...REFERENCE.steps] })).toBe(cached);
    expect(Object.isFrozen(cached)).toBe(true);
  });

  it('reads a changed reference, or the same one for another problem, again', () => {
    const cached = referenceFor(PROBLEM, undefined, REFERENCE);
    const changed = { ...REFERENCE, steps: ['She bakes 9 * 14 = 126 rolls.', 'Then 126 - 40 = 86 rolls are left.'] };
    expect(referenceFor(PROBLEM, undefined, changed)).not.toBe(cached);
    expect(referenceFor(`${PROBLEM} `, undefined, REFERENCE)).not.toBe(cached);
  });

  it('grades every student alike against the cached reading', () => {
    const student = { problem: PROBLEM, reference: REFERENCE, steps: ['9 * 14 = 126', '126 - 50 = 76'] };
    const wrong = { ...student, steps: ['9 * 14 = 126', '126 + 50 = 176'] };
    const first = checkSteps(student);
    checkSteps(wrong);
    expect(checkSteps(student)).toEqual(first);
    expect(first.steps.map((step) => step.matchesReferenceStep)).toEqual([0, 1]);
    expect(checkSteps(wrong).firstErrorStep).toBe(1);
  });

  it('keeps at most 256 readings', () => {
    for (let n = 0; n < 300; n++) referenceFor(PROBLEM, undefined, { steps: [`${n} + 1 = ${n + 1}`] });
    expect(cachedReferenceCount()).toBeLessThanOrEqual(256);
  });
});
