// Hostile math that must get a verdict (never an exception or a hang): shared by the math and
// grading specs.
export const HOSTILE_MATH: [string, string][] = [
  ['a tower of exponents', '9^9^9^9'],
  ['a giant factorial', 'factorial(10^9)'],
  ['a giant postfix factorial', '(10^9)!'],
  ['a megabyte line', '1+'.repeat(500_000) + '1'],
  ['10,000 nested parentheses', '('.repeat(10_000) + '1' + ')'.repeat(10_000)],
  ['10,000 nested LaTeX fractions', '\\frac{'.repeat(10_000) + '1'],
  ['mathjs import', 'import({x: 1})'],
  ['mathjs createUnit', 'createUnit("foo")'],
  ['evaluate of a string', 'evaluate("1+1")'],
  ['parse of a string', 'parse("1")'],
  ['a function assignment', 'f(x) = x; f(2)'],
  ['a constructor escape', 'cos.constructor("return process")()'],
  ['a huge power', '2^(10^10)'],
  ['a huge binomial', 'binom(10^9, 5*10^8)'],
  ['a huge matrix power', '\\begin{pmatrix}2 & 1 \\\\ 1 & 2\\end{pmatrix}^{1000000000}'],
  [
    'a matrix with 10,000 entries',
    `\\begin{pmatrix}${Array.from({ length: 100 }, () => Array(100).fill('1').join('&')).join('\\\\')}\\end{pmatrix}`,
  ],
  ['a complex tower', 'i^{i^{i^{i^{9^{9^9}}}}}'],
  ['a complex exponential overflow', 'e^{10^{6} i + 10^{6}}'],
  ['a repeated derivative', '\\frac{d^9}{dx^9}'.repeat(40) + '(x^{x^x})'],
  ['a numeral in base 36 with 5,000 digits', `${'Z'.repeat(5000)}_{36}`],
  ['an exponent in the billions', '(x-1)^{9000000000} - (x-1)^{9000000001}'],
];
