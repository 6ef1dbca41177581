// The classifier yields one typed claim per math item, by shape and the prose before it, with no
// verdict; the checker registry then decides it. One case per kind, with a near miss beside it.
import { describe, expect, it } from '@jest/globals';
import { checkClaim } from './claim-checkers.js';
import { classifyItem } from './claim-classifier.js';
import type { ClaimKind } from './claim-kinds.js';
import { assertNever } from './claim-kinds.js';
import { buildProblemContext, functionNamesIn } from './problem-context.js';
import { readStep } from './step-reader.js';
import { emptyStepState } from './step-state.js';

/** The kinds of the claims of one step, item by item; each is checked so the next sees its binding. */
function kindsOf(problem: string, step: string): ClaimKind[] {
  const context = buildProblemContext(problem, undefined);
  const names = new Set([...context.functionNames(), ...functionNamesIn(step)]);
  const state = emptyStepState();
  return readStep(step, names, new Set(context.vars.keys())).map((item) => {
    const claim = classifyItem(item, context, state, step);
    checkClaim(claim, { item, state, context });
    return claim.kind;
  });
}

const CUBIC = 'Let f(x) = x^3 - 3x^2 + 2. Find its extrema on [-1, 3].';

describe('one typed claim per math item', () => {
  it.each<[string, string, ClaimKind[]]>([
    ['A word problem.', '16 - 3 - 4 = 9', ['evaluation']],
    ['A word problem.', 'The answer is 18', ['value']],
    ['A word problem.', 'a = 80 + 50 = 130', ['definition']],
    ['Solve 2x + 3 = 11.', 'x = 4', ['solution']],
    ['Find x.', 'x = 4', ['definition']],
    ['Solve $x^2-5x+6=0$.', 'x \\in \\{2, 3\\}', ['solution_set']],
    ['A word problem.', '3 < 4', ['inequality']],
    [CUBIC, 'max = 2', ['named_value']],
    [CUBIC, "f'(x) = 3x^2 - 6x", ['symbolic']],
    [CUBIC, 'f(-1) = -1 - 3 + 2 = -2', ['evaluation']],
    [CUBIC, 'when x = -1, f(x) = -2', ['binding', 'evaluation']],
    ['A word problem.', 'g(t) = t^2 + 1', ['function_definition']],
  ])('%s | %s -> %j', (problem, step, kinds) => {
    expect(kindsOf(problem, step)).toEqual(kinds);
  });

  it('reads nothing checkable from a name alone', () => {
    expect(kindsOf('A word problem.', 'so x')).toEqual([]);
  });
});

describe('assertNever', () => {
  it('throws on a kind no switch handled', () => {
    expect(() => assertNever('integral' as never)).toThrow('unhandled case');
  });
});
