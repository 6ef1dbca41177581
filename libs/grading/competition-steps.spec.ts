// Protects how competition-style (LaTeX) work is judged: relations among unknowns the work has not
// pinned down are undecided rather than wrong, while the arithmetic around them is still checked;
// bindings, reassigned names, roots set aside and congruences are read as the student means them.
import { describe, expect, it } from '@jest/globals';
import { checkSteps } from './index.js';

interface Case {
  rule: string;
  problem: string;
  steps: string[];
  firstErrorStep: number | null;
  verdicts?: Record<number, string>;
}

const cases: Case[] = [
  {
    rule: 'a link between unknowns and a number is undecided; the arithmetic after it is checked',
    problem: 'Positive numbers $p$, $q$, $r$ satisfy $pqr = 360$ and $qr = 40$. Find $p$.',
    steps: ['\\[p = \\frac{pqr}{qr} = \\frac{360}{40} = 9.\\]'],
    firstErrorStep: null,
    verdicts: { 0: 'correct' },
  },
  {
    rule: 'a slip in the arithmetic after such a link is still an error',
    problem: 'Positive numbers $p$, $q$, $r$ satisfy $pqr = 360$ and $qr = 40$. Find $p$.',
    steps: ['\\[p = \\frac{pqr}{qr} = \\frac{360}{40} = 8.\\]'],
    firstErrorStep: 0,
  },
  {
    rule: 'a relation among several unknowns is not judged as an identity',
    problem: 'The numbers $u$, $v$, $w$ satisfy $u^2 + v^2 + w^2 = 50$.',
    steps: ['\\[uv+vw+uw = \\frac{(u+v+w)^2 - 50}{2} = \\frac{(u^2+v^2+w^2) + 2(uv+vw+uw) - 50}{2}.\\]'],
    firstErrorStep: null,
  },
  {
    rule: 'a false one-variable identity is still wrong',
    problem: 'Expand $(x+1)^2$.',
    steps: ['$(x+1)^2 = x^2 + 1 = x^2 + 1$'],
    firstErrorStep: 0,
  },
  {
    rule: 'capital letters name segments, so a Pythagorean step is not a product identity',
    problem: 'In right triangle $PQR$, $PR = 13$ and $QR = 5$. Find $PQ$.',
    steps: ['Then $PQ=\\sqrt{PR^2-QR^2}=\\sqrt{13^2-5^2}=12$.'],
    firstErrorStep: null,
  },
  {
    rule: '|…| of an unknown is a value, never a definition of abs',
    problem: 'Given that $b_1 = 3$, find $|b_2|$.',
    steps: ['Then $|b_{2}|=5|b_1|=5\\cdot 3=15$.'],
    firstErrorStep: null,
  },
  {
    rule: 'a mixed number in LaTeX is a whole plus a fraction',
    problem: 'Write $2\\frac{3}{4}$ as an improper fraction.',
    steps: ['$2\\frac{3}{4} = 2 + \\frac{3}{4} = \\frac{11}{4}$'],
    firstErrorStep: null,
  },
  {
    rule: '"Setting x = …" binds x for the rest of the sentence',
    problem: 'Let $p(x) = x^2 + 3$.',
    steps: ['Setting $x = 0,$ we get $p(0) = 3.$  Setting $x = 1,$ we get $p(1) = 4$.'],
    firstErrorStep: null,
  },
  {
    rule: '"when x = -1 and x = 4" gives two cases, not a contradiction',
    problem: 'Find the vertex of $y = (x + 1)(x - 4)$.',
    steps: ['Since $y = 0$ when $x = -1$ and $x = 4$, the axis is $h = (-1 + 4)/2 = 3/2$.'],
    firstErrorStep: null,
  },
  {
    rule: 'a name the statement gives a value is known, not an equation to solve',
    problem: 'If $b = 5$, what is $\\sqrt{b^2 + 11}$?',
    steps: ['Note that $b^2 = 25$ and $\\sqrt{25 + 11} = 6$.'],
    firstErrorStep: null,
  },
  {
    rule: 'a known name evaluated wrongly is still an error',
    problem: 'If $b = 5$, what is $\\sqrt{b^2 + 11}$?',
    steps: ['Note that $b^2 = 20$.'],
    firstErrorStep: 0,
  },
  {
    rule: 'a student name written again with another bare number is a new case, not an error',
    problem: 'List the values $m$ can take.',
    steps: ['Hence $m = 2 \\cdot 6 = 12.$', 'In three of the branches $m = 12,$ while one branch gives $m = 8.$'],
    firstErrorStep: null,
  },
  {
    rule: 'a name written again as a new case does not hide a slip after it',
    problem: 'List the values $m$ can take.',
    steps: [
      'Hence $m = 2 \\cdot 6 = 12.$',
      'In three of the branches $m = 12,$ while one branch gives $m = 8.$',
      'Adding the two values, $12 + 8 = 21$.',
    ],
    firstErrorStep: 2,
    verdicts: { 1: 'correct' },
  },
  {
    rule: 'an equality inside an inequality chain is arithmetic and can be wrong',
    problem: 'Estimate $\\sqrt{2} + \\sqrt{3}$.',
    steps: ['\\[\\sqrt{2} + \\sqrt{3} < 1.5 + 1.8 = 4.3 < 4,\\]'],
    firstErrorStep: 0,
  },
  {
    rule: 'roots listed and then set aside are not lost by mistake',
    problem: 'Solve the radical equation; its domain is $y \\ge 0$.',
    steps: [
      'Squaring gives $y^2 + 3 = 28$, so $y^2 - 25 = 0$.',
      'This yields $y = -5, 5$, and we throw out the first one.',
      'Hence $y = \\boxed{5}$.',
    ],
    firstErrorStep: null,
  },
  {
    rule: 'a root dropped without being listed and set aside is lost',
    problem: 'Solve the radical equation; its domain is $y \\ge 0$.',
    steps: ['Squaring gives $y^2 + 3 = 28$, so $y^2 - 25 = 0$.', 'Hence $y = \\boxed{5}$.'],
    firstErrorStep: 1,
  },
  {
    rule: 'a negative root dropped for a length is undecided, not wrong',
    problem: 'A square has area 49. How long is its side?',
    steps: ['Let the side be $s$, so $s^2 = 49$.', 'Solving, $s = 7$.'],
    firstErrorStep: null,
    verdicts: { 1: 'unverified' },
  },
  {
    rule: 'a root lost in plain algebra is still an error',
    problem: 'Solve the equation.',
    steps: ['$x^2 - 4x = 0$', '$x = 4$'],
    firstErrorStep: 1,
  },
  {
    rule: 'the equalities before a congruence are claims',
    problem: 'Find the inverse of 5 modulo 13.',
    steps: ['Check: $5\\cdot 8 = 41 = 3\\cdot 13+1 \\equiv 1\\pmod{13}$.'],
    firstErrorStep: 0,
  },
  {
    rule: 'the equalities before a congruence that hold are correct',
    problem: 'Find the inverse of 5 modulo 13.',
    steps: ['Check: $5\\cdot 8 = 40 = 3\\cdot 13+1 \\equiv 1\\pmod{13}$.'],
    firstErrorStep: null,
    verdicts: { 0: 'correct' },
  },
  {
    rule: 'a hyphenated word is not a subtraction',
    problem: 'Add 38 and 47.',
    steps: ['Adding the ones digits, $8+7=15$ is a two-digit sum, so we carry.'],
    firstErrorStep: null,
    verdicts: { 0: 'correct' },
  },
  {
    rule: 'a slip next to a hyphenated word is found',
    problem: 'Add 38 and 47.',
    steps: ['Adding the ones digits, $8+7=14$ is a two-digit sum, so we carry.'],
    firstErrorStep: 0,
  },
  {
    rule: 'a logarithm to a written base evaluates',
    problem: 'Simplify.',
    steps: ['$\\log_6 (x-y) + \\log_6 (x+y) = \\log_6 (x^2-y^2)$, and $\\log_2 32 = 6$.'],
    firstErrorStep: 0,
  },
];

describe('checkSteps on competition-style work', () => {
  it.each(cases)('$rule', (c) => {
    const result = checkSteps({ problem: c.problem, steps: c.steps });
    expect({ rule: c.rule, firstErrorStep: result.firstErrorStep }).toEqual({
      rule: c.rule,
      firstErrorStep: c.firstErrorStep,
    });
    for (const [index, verdict] of Object.entries(c.verdicts ?? {}))
      expect(result.steps[Number(index)].verdict).toBe(verdict);
    for (const step of result.steps) expect(step.reason.trim().length).toBeGreaterThan(0);
  });
});
