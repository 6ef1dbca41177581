import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './check-steps.js';
import { buildProblemContext } from './problem-context.js';
import { cachedProblemCount, problemContextFor } from './problem-context-cache.js';
import type { StudentContext } from './student-context.js';

const PROBLEM = 'Let f(x) = x^2 - 4x + 1. Solve 3x + 2 = 11 on [0, 5].';

function snapshot(c: StudentContext) {
  return {
    vars: [...c.vars],
    functions: [...c.functions.keys()].sort(),
    values: c.values.map((v) => v.value),
    interval: c.interval,
    roots: c.statementCondition?.roots ?? null,
    condition: c.condition,
  };
}

describe('problem context cache', () => {
  it('gives the same context as reading the statement afresh', () => {
    const fresh = buildProblemContext(PROBLEM, undefined);
    const cached = problemContextFor(PROBLEM, undefined);
    expect([...cached.functions.keys()].sort()).toEqual([...fresh.functions.keys()].sort());
    expect(cached.statementCondition?.roots).toEqual([3]);
    expect(cached.interval).toEqual([0, 5]);
    expect(cached.values.map((v) => v.value)).toEqual(fresh.values.map((v) => v.value));
  });

  it("never lets one reading's changes reach the next copy", () => {
    const before = snapshot(problemContextFor(PROBLEM, undefined));
    const first = problemContextFor(PROBLEM, undefined);
    first.vars.set('n', 7);
    first.addValue(99, true);
    first.recordEvaluation('f', 2, -3, false);
    first.statementCondition!.roots.push(42);
    first.interval![0] = -10;
    first.condition = { ...first.statementCondition!, tainted: true };
    expect(snapshot(problemContextFor(PROBLEM, undefined))).toEqual(before);
    const second = problemContextFor(PROBLEM, undefined);
    expect(second.vars.has('n')).toBe(false);
    expect(second.isTaintedValue(99)).toBe(false);
    expect(second.evaluations.size).toBe(0);
  });

  it('keeps different statements and definitions apart', () => {
    const plain = problemContextFor('Solve 2x = 8.', undefined);
    const defined = problemContextFor('Solve 2x = 8.', { 'g(t)': 't + 1' });
    expect(plain.functions.has('g')).toBe(false);
    expect(defined.functions.has('g')).toBe(true);
    expect(problemContextFor('Solve 5x = 10.', undefined).statementCondition?.roots).toEqual([2]);
  });

  it('holds a bounded number of problems', () => {
    for (let i = 0; i < 300; i++) problemContextFor(`Solve x + ${i} = ${i + 1}.`, undefined);
    expect(cachedProblemCount()).toBeLessThanOrEqual(256);
    expect(cachedProblemCount()).toBeGreaterThan(0);
  });

  it('grades a student the same whatever another student on the same problem wrote first', () => {
    const problem = 'A box holds some pens. How many pens are in 3 boxes?';
    const later = { problem, steps: ['n + 1 = 8'], answer: '21' };
    const alone = checkSteps(later);
    checkSteps({ problem, steps: ['n = 7', '3n = 21'], answer: '21' });
    expect(checkSteps(later)).toEqual(alone);
    expect(alone.steps[0].verdict).not.toBe('correct');
  });
});
