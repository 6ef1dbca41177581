// Protects how a regrade recomputes a problem's reference status (issue 13): a key or
// inference none needs no model; a trusted reference stays; an untrusted written one waits for the
// teacher; a keyless problem whose reference never came is asked for again.
import { describe, expect, it } from '@jest/globals';
import { recomputedReferenceStatus } from './reference-plan.js';

const keyless = { answer: null, referenceSteps: [] };
const keyed = { answer: '3', referenceSteps: [] };

describe('recomputedReferenceStatus', () => {
  it.each([
    ['a key', keyed, 'auto', null, 'ready'],
    ['inference none', keyless, 'none', { status: 'needs_review', steps: ['x'] }, 'ready'],
    ['a trusted reference', keyless, 'auto', { status: 'ready', steps: ['x'] }, 'ready'],
    ['an untrusted written reference', keyless, 'gpu', { status: 'needs_review', steps: ['x'] }, 'needs_review'],
    ['no worker came (nothing written)', keyless, 'gpu', { status: 'needs_review', steps: [] }, 'pending'],
    ['never asked', keyless, 'auto', null, 'pending'],
  ] as const)('%s', (_name, problem, inference, reference, expected) => {
    expect(recomputedReferenceStatus(problem, inference, reference as never)).toBe(expected);
  });
});
