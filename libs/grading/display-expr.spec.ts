// Protects the readable form of expressions in reasons: derivatives from mathjs come back
// unsimplified, and a student must be able to read "f'(x) should be 3x^2 - 6x, not 3x^2 - 3x".
import { describe, expect, it } from '@jest/globals';
import { normalizeText, parseTokens, tokenize } from '../../libs/math/index.js';
import { displayExpr, polynomialText } from './display-expr.js';
import { checkSteps } from './index.js';

const parse = (text: string) => parseTokens(tokenize(normalizeText(text)), new Set());

describe('displayExpr', () => {
  it.each([
    ['3 * (1 * x^(3 - 1)) - 3 * (2 * (1 * x^(2 - 1))) + 0', '3x^2 - 6x'],
    ['x^2/2 - x/3', '(1/2)x^2 - (1/3)x'],
    ['0 - 5', '-5'],
    ['2 * (1 * t^(2 - 1)) * sin(t) + t^2 * (1 * cos(t))', '2t * sin(t) + t^2 * cos(t)'],
    ['e^(2 * t) * (ln(e) * (2 * 1))', '2e^(2t)'],
    [
      '((2 * (1 * x^(2 - 1)) + 0) * (x - 1) - (x^2 + 1) * (1 - 0)) / (x - 1)^2',
      '(2x * (x - 1) - (x^2 + 1)) / (x - 1)^2',
    ],
    ['sqrt(x) + 0', 'sqrt(x)'],
    ['x * 4', '4x'],
  ])('%s -> %s', (input, shown) => {
    expect(displayExpr(parse(input))).toBe(shown);
  });

  it.each([
    [[2, -6, 3], 'x', '3x^2 - 6x + 2'],
    [[0, 0, -1], 'x', '-x^2'],
    [[0.5], 'x', '1/2'],
    [[0, 0], 't', '0'],
  ])('polynomial %j in %s -> %s', (coefficients, variable, shown) => {
    expect(polynomialText(coefficients, variable)).toBe(shown);
  });
});

describe('derivative reasons', () => {
  it('names the right derivative in the form a student writes', () => {
    const step = checkSteps({ problem: 'f(x) = x^3 - 3x^2 + 2', steps: ["f'(x) = 3x^2 - 3x"] }).steps[0];
    expect(step.verdict).toBe('incorrect');
    expect(step.reason).toBe("f'(x) should be 3x^2 - 6x, not 3x^2 - 3x");
  });
});
