// Protects how competition-style final answers are read: several boxes, semicolon lists, ratios,
// labelled values, inequalities and unions as sets of reals, subscripted names, mixed numbers,
// segment names and logarithm bases, each with a case that must stay not equivalent.
import { describe, expect, it } from '@jest/globals';
import { checkAnswer, solveEquation, tokenize, normalizeText, parseTokens, evaluate } from './index.js';

interface Pair {
  expected: string;
  given: string;
  equivalent: boolean;
  rule: string;
}

const pair = (expected: string, given: string, equivalent: boolean, rule: string): Pair => ({
  expected,
  given,
  equivalent,
  rule,
});

const boxes: Pair[] = [
  pair('{3, 5}', '\\boxed{3} and \\boxed{5}', true, 'boxes joined by "and" are one answer'),
  pair('{3, 5}', '\\boxed{3}, \\boxed{5}', true, 'boxes joined by a comma are one answer'),
  pair('{3, 5}', '\\boxed{3} ==== \\boxed{5}', true, 'only symbols between boxes: one answer'),
  pair(
    '{3, 5}',
    '\\boxed{3} meters and \\boxed{5} seconds',
    true,
    'unit words and a connective between boxes: one answer',
  ),
  pair(
    '{3, 5}',
    '\\boxed{3} wait that is wrong \\boxed{5}',
    false,
    'other prose between boxes: the later box replaces the earlier',
  ),
  pair('5', '\\boxed{3} wait that is wrong \\boxed{5}', true, 'the later box is the answer'),
  pair('x = 2 or x = 3', '\\boxed{x = 2 \\text{ or } x = 3', true, 'an unclosed box runs to the end'),
];

const lists: Pair[] = [
  pair('(1;2;3),(4;5;6)', '(4, 5, 6), (1, 2, 3)', true, 'semicolons separate the items of a bracket without commas'),
  pair('(1;2;3),(4;5;6)', '(4, 5, 6), (1, 2, 4)', false, 'semicolon tuples still compare item by item'),
  pair('-3;-1;2', '\\{-1, 2, -3\\}', true, 'top-level semicolons list values'),
  pair('m=1,n=4;m=2,n=3', '(1,4),(2,3)', true, 'semicolons separate whole named solutions'),
  pair('m=1,n=4;m=2,n=3', '(1,4),(3,2)', false, 'each named solution keeps its order'),
  pair('PQ=6,RS=9', '\\boxed{6, 9}', true, 'named parts against an unnamed list, in order'),
  pair('PQ=6,RS=9', '\\boxed{6, 8}', false, 'named parts against an unnamed list with a wrong value'),
  pair('u=2, v=7', '7, 2', false, 'named parts against an unnamed list in the wrong order'),
  pair('u=2,\\ v = \\frac{7}{5}', '2, \\frac{7}{5}', true, 'labels dropped from a two-part answer'),
  pair(
    'y_{1}=x^{2}+2x+1, y_{2}=x-3',
    '$y_1 = (x+1)^2$ and $y_2 = x - 3$',
    true,
    'plain subscripts in braces are names',
  ),
  pair('b_4 = 7, b_{12} = 1', '\\boxed{b_{12} = 1, \\quad b_4 = 2}', false, 'subscripted names compare by name'),
  pair('b_4 = 7, b_{12} = 1', '\\boxed{b_{12} = 1, \\quad b_4 = 7}', true, 'subscripted names in another order'),
  pair(
    't_{1}=\\frac{1}{3},\\quadt_{2}=\\frac{2}{3}',
    '\\frac{1}{3} \\text{ and } \\frac{2}{3}',
    true,
    'spacing run into a name (\\quadt_2)',
  ),
  pair(
    'P(t) = 2 \\text{ and } P(t) = 5',
    'P(s)=2orP(s)=5',
    true,
    'a connective glued between values still separates them',
  ),
];

const labelsAndRatios: Pair[] = [
  pair('A_{1}:A_{2}=3:8', '3:8', true, 'a ratio answer against its labelled form'),
  pair('A_{1}:A_{2}=3:8', '6:16', true, 'ratios are equal when their quotients are'),
  pair('A_{1}:A_{2}=3:8', '8:3', false, 'a reversed ratio is different'),
  pair('|PQ|=5', '5', true, 'a label made of names, then its value'),
  pair('\\frac{PM}{MQ}=\\frac{2}{\\sqrt{3}}', '\\frac{2\\sqrt{3}}{3}', true, 'a ratio of segments labelling a value'),
  pair('|PQ|=5', '6', false, 'a labelled value against another value'),
  pair('3x=6', '6', false, 'an equation with numbers on its left is not a label'),
];

const regions: Pair[] = [
  pair('-4 < t < 9', '(-4, 9)', true, 'a double inequality is an open interval'),
  pair('-4 < t \\le 9', '(-4, 9]', true, 'closed ends follow the relation'),
  pair('-4 < t < 9', '[-4, 9)', false, 'an endpoint included on one side only'),
  pair('n \\ge 3', '[3, \\infty)', true, 'a one-sided inequality is a ray'),
  pair('n \\ge 3', 'n > 3', false, 'strict and non-strict rays differ'),
  pair('2 \\le |w| \\le 5', 'w \\in [-5, -2] \\cup [2, 5]', true, 'an absolute-value chain is a union of intervals'),
  pair('2 \\le |w| \\le 5', 'w \\in [-5, -2] \\cup [2, 4]', false, 'a union that misses part of the set'),
  pair('1 < g(x) < 4', '(1, 4)', true, 'the value of an unknown function is the constrained quantity'),
  pair('a > 1', 'b > 1', false, 'regions of different named variables differ'),
];

const latex: Pair[] = [
  pair('\\frac{29}{8}', '3\\dfrac{5}{8}', true, 'a whole number before a proper fraction is a mixed number'),
  pair('\\frac{50}{3}', '16\\frac{2}{3}', true, 'a mixed number with two digits'),
  pair('\\frac{5}{8}', '3\\dfrac{5}{8}', false, 'a mixed number is not its fraction part'),
  pair('2', '4\\frac{2}{4}', false, 'an improper-looking pair stays a product only when the fraction is not proper'),
  pair('x^{3}', 'x^2\\frac{2}{2}x', true, 'after an exponent a fraction is a factor'),
  pair('3', '\\log_2 8', true, 'a subscripted log is that base'),
  pair('2', '\\log_{3} 9', true, 'a braced log base'),
  pair('3', '\\log_2 4', false, 'a wrong logarithm'),
];

describe('reading competition answers', () => {
  it.each([...boxes, ...lists, ...labelsAndRatios, ...regions, ...latex])(
    '$expected vs $given → $equivalent ($rule)',
    (c) => {
      const verdict = checkAnswer(c.expected, c.given);
      expect({ rule: c.rule, equivalent: verdict.equivalent }).toEqual({ rule: c.rule, equivalent: c.equivalent });
      expect(verdict.reason.length).toBeGreaterThan(0);
    },
  );
});

describe('reading steps in LaTeX', () => {
  const read = (text: string) => parseTokens(tokenize(normalizeText(text)).filter((t) => t.kind !== 'rel'));
  it.each([
    ['$BD$', ['BD'], 'capitals name one segment'],
    ['$ABC$', ['ABC'], 'three capitals name one figure'],
    ['$ab$', ['a', 'b'], 'lower-case letters are still a product'],
    ['$Bx$', ['B', 'x'], 'mixed case is a product'],
  ])('%s reads as names %j (%s)', (text, names) => {
    expect(tokenize(normalizeText(text)).map((t) => t.text)).toEqual(names);
  });

  it.each([
    ['$4\\$$', '4#'],
    ['$\\$4$', '4'],
  ])('%s: a dollar sign after a value is notation, before a number currency', (text, expected) => {
    expect(
      tokenize(normalizeText(text))
        .map((t) => t.text)
        .join(''),
    ).toBe(expected);
  });

  it.each([
    ['$2\\frac{1}{4}$', 2.25],
    ['$3 \\cdot 2\\frac{1}{4}$', 6.75],
    ['$\\log_{2}(x+6)$ at x = 2', 3],
  ])('%s evaluates to %d', (text, value) => {
    const expr = read(text.replace(' at x = 2', ''));
    expect(evaluate(expr, { vars: new Map([['x', 2]]), functions: new Map() })).toBeCloseTo(value, 9);
  });

  it.each([
    ['the right-most column', ['the', 'right', 'most', 'column']],
    ['a well-known fact', ['a', 'well', 'known', 'fact']],
    ['x-2', ['x', '-', '2']],
  ])('%s: a hyphen joins words, not numbers', (text, words) => {
    expect(tokenize(normalizeText(text)).map((t) => t.text)).toEqual(words);
  });
});

describe('solveEquation with other unknowns', () => {
  it('refuses an equation that also depends on another unknown instead of throwing', () => {
    const left = parseTokens(tokenize(normalizeText('$x$')));
    const right = parseTokens(tokenize(normalizeText('$h$')));
    const solved = solveEquation(left, right, 'h', { vars: new Map(), functions: new Map() });
    expect(solved.kind).toBe('unknown');
  });

  it('still solves when the other name has a value', () => {
    const left = parseTokens(tokenize(normalizeText('$x$')));
    const right = parseTokens(tokenize(normalizeText('$2h$')));
    const solved = solveEquation(left, right, 'h', { vars: new Map([['x', 6]]), functions: new Map() });
    expect(solved).toEqual({ kind: 'finite', roots: [3] });
  });
});
