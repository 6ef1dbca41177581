// Cases of one condition (`x - 4 = 0 or x + 1 = 0`, `x - 2 = 5 or x - 2 = -5`): equations in one
// unknown joined by `or` or a comma are one condition, the union of their solutions, compared with
// the condition before it; the solutions that follow solve the whole of it.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

const verdicts = (problem: string, steps: string[]) => checkSteps({ problem, steps }).steps.map((s) => s.verdict);

describe('cases of one condition', () => {
  const quadratic = 'Solve x^2 - 3x - 4 = 0.';

  it('a zero product split into its factors, then its roots', () => {
    expect(verdicts(quadratic, ['(x - 4)(x + 1) = 0', 'x - 4 = 0 or x + 1 = 0', 'x = 4 or x = -1'])).toEqual([
      'correct',
      'correct',
      'correct',
    ]);
  });

  it('in LaTeX, with a comma or with 或', () => {
    expect(verdicts(quadratic, ['$(x - 4)(x + 1) = 0$', '$x - 4 = 0 \\text{ or } x + 1 = 0$'])[1]).toBe('correct');
    expect(verdicts(quadratic, ['(x - 4)(x + 1) = 0', 'x - 4 = 0, x + 1 = 0'])[1]).toBe('correct');
    expect(verdicts(quadratic, ['(x - 4)(x + 1) = 0', 'x - 4 = 0 或 x + 1 = 0'])[1]).toBe('correct');
  });

  it('a wrong case loses a root and says which', () => {
    const result = checkSteps({ problem: quadratic, steps: ['(x - 4)(x + 1) = 0', 'x - 4 = 0 or x - 1 = 0'] });
    expect(result.steps[1].verdict).toBe('incorrect');
    expect(result.steps[1].reason).toContain('x = -1 was lost');
  });

  it('the roots that follow must solve every case', () => {
    const steps = ['(x - 4)(x + 1) = 0', 'x - 4 = 0 or x + 1 = 0', 'x = 4'];
    expect(verdicts(quadratic, steps)[2]).not.toBe('correct');
  });

  it('an absolute value split into its two cases', () => {
    const problem = 'Solve |x - 2| = 5.';
    expect(verdicts(problem, ['x - 2 = 5 or x - 2 = -5', 'x = 7 or x = -3'])).toEqual(['correct', 'correct']);
    expect(verdicts(problem, ['x - 2 = 5 or x - 2 = 5'])[0]).toBe('incorrect');
  });

  it('equations in two unknowns are no cases of one condition', () => {
    expect(verdicts('Solve x + y = 7 and x - y = 1.', ['x + y = 7 and x - y = 1'])[0]).not.toBe('incorrect');
  });
});

// `x = ±4`: a name set to plus or minus a number states both solutions
describe('plus or minus a value', () => {
  it.each([
    ['x = ±6', 'correct'],
    ['$x = \\pm 6$', 'correct'],
    ['x = ±5', 'incorrect'],
  ])('for x^2 = 36: %s -> %s', (step, verdict) => {
    expect(verdicts('Solve x^2 = 36.', [step])[0]).toBe(verdict);
  });
});

// `log_2(8)`, `log_2 8`, `log2(8)`: a logarithm to a base typed in plain text
describe('logarithms to a base in plain text', () => {
  it.each([
    ['log_3(81) = 4', 'correct'],
    ['log_3 81 = 4', 'correct'],
    ['log2(32) = 5', 'correct'],
    ['log_10(1000) = 3', 'correct'],
    ['log_3(81) = 3', 'incorrect'],
    ['log(1000) = 3', 'correct'],
  ])('%s -> %s', (step, verdict) => {
    expect(verdicts('Compute the logarithm.', [step])[0]).toBe(verdict);
  });
});

// `\therefore x = 5`, `∴ x = 5`: the sign leads into the claim, it does not hide it
describe('therefore signs', () => {
  it.each([
    ['$\\therefore x = 5$', 'correct'],
    ['$\\therefore x = 6$', 'incorrect'],
    ['∴ x = 5', 'correct'],
    ['∴ x = 6', 'incorrect'],
  ])('after 3x = 15: %s -> %s', (step, verdict) => {
    expect(verdicts('Solve 3x - 7 = 8.', ['3x = 15', step])[1]).toBe(verdict);
  });
});
