// Protects the step checker itself (what workers and the CLI run in-process): checkSteps and
// checkAnswer return an answer for any input, hostile math included, without throwing or hanging.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkSteps } from '../../libs/grading/index.js';
import { checkAnswer } from '../../libs/math/index.js';
import { jsonValue, mathString } from './hostile-inputs.js';

/** Generous per-call bound: the checker's own limits should stop runaway work long before it. */
const CALL_BUDGET_MS = 5_000;

function timed<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  if (elapsed > CALL_BUDGET_MS) throw new Error(`took ${Math.round(elapsed)} ms`);
  return result;
}

describe('step checker under hostile input', () => {
  it('checkAnswer always answers with a boolean verdict', () => {
    fc.assert(
      fc.property(
        mathString,
        mathString,
        fc.oneof(
          fc.constant(undefined),
          fc.record(
            { relativeTolerance: fc.double(), acceptRoundedTo: fc.oneof(fc.integer(), fc.constant(null)) },
            { requiredKeys: [] },
          ),
        ),
        (expected, given, policy) => {
          const check = timed(() => checkAnswer(expected, given, policy as never));
          expect(typeof check.equivalent).toBe('boolean');
        },
      ),
      { numRuns: 1_500 },
    );
  });

  it('checkSteps returns one result per step and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(mathString, jsonValue),
        fc.array(mathString, { maxLength: 6 }),
        fc.oneof(mathString, jsonValue),
        fc.oneof(fc.dictionary(fc.constantFrom('f(x)', 'g', 'a'), mathString, { maxKeys: 2 }), jsonValue),
        (problem, steps, answer, definitions) => {
          const checked = timed(() => checkSteps({ problem, steps, answer, definitions } as never));
          expect(checked.steps).toHaveLength(steps.length);
        },
      ),
      { numRuns: 800 },
    );
  });
});
