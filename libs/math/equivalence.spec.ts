// Protects the equivalence traps GRADING.md fixes and the seeded, deterministic sampling behind them.
import { describe, expect, it } from '@jest/globals';
import { checkAnswer, compareExpressions, EMPTY_SCOPE, parseTokens, tokenize, normalizeText } from './index.js';

const expr = (text: string) => parseTokens(tokenize(normalizeText(`$${text}$`)));

const traps: [string, string, boolean][] = [
  ['sqrt(x^2)', 'x', false],
  ['(x^2-1)/(x-1)', 'x+1', true],
  ['ln(a*b)', 'ln(a) + ln(b)', true],
  ['0.1+0.2', '0.3', true],
  ['2^(1/2)', 'sqrt(2)', true],
  ['3x(x-2)', '3x^2-6x', true],
  ['sqrt(-1 - x^2)', 'sqrt(-1 - x^2)', true],
  ['sqrt(-1 - x^2)', '2 sqrt(-1 - x^2)', false],
  ['x^2', '2x', false],
  ['(x+1)^3', 'x^3+3x^2+3x+1', true],
  ['sin(x)^2', '1 - cos(x)^2', true],
  ['e^(2x)', '(e^x)^2', true],
  ['|x - 1|', 'sqrt((x-1)^2)', true],
  ['1/(x-2)', '1/(2-x)', false],
];

describe('compareExpressions', () => {
  it.each(traps)('%s vs %s -> equal %s', (a, b, equal) => {
    const result = compareExpressions(expr(a), expr(b), EMPTY_SCOPE);
    expect(result.verdict === 'equal').toBe(equal);
  });

  it('gives the same verdict every time (points are seeded from the inputs)', () => {
    const runs = Array.from({ length: 5 }, () =>
      JSON.stringify(compareExpressions(expr('sqrt(x^2)'), expr('x'), EMPTY_SCOPE)),
    );
    expect(new Set(runs).size).toBe(1);
  });

  it('fails rather than passes when no point is defined', () => {
    expect(compareExpressions(expr('ln(-1 - x^2)'), expr('ln(-2 - x^2)'), EMPTY_SCOPE).verdict).toBe('unknown');
  });
});

describe('final-answer tolerance', () => {
  it.each([
    ['1/3', '0.333', undefined, false],
    ['1/3', '0.333', { acceptRoundedTo: 3 }, true],
    ['1/3', '0.3333333', undefined, true],
    ['1101.6', '$1,101.60', undefined, true],
    ['max = 2, min = -2', 'min=-2, max=2', undefined, true],
    ['{0, 2}', 'x = 2 or x = 0', undefined, true],
  ] as const)('%s vs %s (%j) -> %s', (expected, given, policy, equivalent) => {
    expect(checkAnswer(expected, given, policy).equivalent).toBe(equivalent);
  });
});
