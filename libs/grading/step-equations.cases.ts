// Step cases: Chinese word problems, equations and algebra.
import { ok, wrong, type Problem } from './step-case.helpers.js';

export const chineseWordProblems: Problem[] = [
  {
    key: 'notebooks-zh',
    statement: '小明有 45 元,买了 3 本笔记本,每本 8 元。他还剩多少元?',
    answer: '21',
    submissions: [
      ok('correct', ['3 本笔记本共 3 × 8 = 24 元。', '还剩 45 - 24 = 21 元。', '答:他还剩 21 元。']),
      wrong('slip in step 0', ['3 × 8 = 27 元', '45 - 27 = 18 元', '答:他还剩 18 元。'], 'incorrect', [0], [1, 2]),
      wrong('slip in step 1', ['3 × 8 = 24 元', '45 - 24 = 11 元', '答:11 元'], 'incorrect', [1], [2]),
      ok('full-width punctuation', ['共花了 3×8=24 元,所以还剩 45-24=21 元。', '答:21。']),
    ],
  },
  {
    key: 'pencils-zh',
    statement: '小红买了 4 支铅笔,每支 2.5 元,又买了一个 12 元的文具盒。她一共花了多少元?',
    answer: '22',
    submissions: [
      ok('correct', ['铅笔共 4 × 2.5 = 10 元。', '一共 10 + 12 = 22 元。', '答:她一共花了 22 元。']),
      wrong(
        'decimal product slip carried',
        ['铅笔共 4 × 2.5 = 8 元。', '一共 8 + 12 = 20 元。', '答:她一共花了 20 元。'],
        'incorrect',
        [0],
        [1, 2],
      ),
    ],
  },
  {
    key: 'car-zh',
    statement: '一辆汽车每小时行驶 60 千米,行驶了 3.5 小时。它一共行驶了多少千米?',
    answer: '210',
    submissions: [
      ok('correct', ['60 × 3.5 = 210 千米。', '答:一共行驶了 210 千米。']),
      wrong('slip', ['60 × 3.5 = 180 千米。', '答:一共行驶了 180 千米。'], 'incorrect', [0], [1]),
    ],
  },
  {
    key: 'discount-zh',
    statement: '某商品原价 1,500 元,打八折后又降价 100 元。现价多少元?',
    answer: '1100',
    submissions: [
      ok('percent and thousands separators', [
        '打八折后的价格是 1,500 × 80% = 1,200 元。',
        '再降价 100 元:1,200 - 100 = 1,100 元。',
        '答:现价 1,100 元。',
      ]),
      wrong(
        'slip in step 0',
        ['1,500 × 80% = 1,300 元', '1,300 - 100 = 1,200 元', '答:现价 1,200 元。'],
        'incorrect',
        [0],
        [1, 2],
      ),
      wrong(
        'method error: order of discounts',
        ['1,500 - 100 = 1,400 元', '1,400 × 80% = 1,120 元', '答:现价 1,120 元。'],
        'incorrect',
        [1],
        [],
      ),
    ],
  },
  {
    key: 'output-zh',
    statement: '某工厂去年产量为 800 吨,今年比去年增长 25%。今年产量是多少吨?',
    answer: '1000',
    submissions: [
      ok('correct', ['增长量为 800 × 25% = 200 吨。', '今年产量为 800 + 200 = 1,000 吨。', '答:1,000 吨。']),
      wrong(
        'percent slip carried',
        ['增长量为 800 × 25% = 250 吨。', '今年产量为 800 + 250 = 1,050 吨。', '答:1,050 吨。'],
        'incorrect',
        [0],
        [1, 2],
      ),
      ok('percent inside brackets', ['800 × (1 + 25%) = 1,000 吨']),
    ],
  },
  {
    key: 'rope-zh',
    statement: '一根绳子长 3 1/2 米,剪去 1 1/4 米,还剩多少米?',
    answer: '2.25',
    submissions: [
      ok('mixed fractions', ['3 1/2 - 1 1/4 = 2 1/4 米', '答:还剩 2 1/4 米。']),
      wrong('mixed fraction slip', ['3 1/2 - 1 1/4 = 2 1/2 米', '答:还剩 2 1/2 米。'], 'incorrect', [0], [1]),
    ],
  },
  {
    key: 'class-zh',
    statement: '一个班有 24 名男生和 21 名女生,全班有多少人?',
    answer: '45',
    submissions: [
      wrong('prose only', ['我不会做这道题。'], 'missing', [], []),
      ok('correct', ['24 + 21 = 45 人', '答:全班有 45 人。']),
      wrong('slip', ['24 + 21 = 44 人', '答:全班有 44 人。'], 'incorrect', [0], [1]),
    ],
  },
];

export const equations: Problem[] = [
  {
    key: 'linear',
    statement: 'Solve 2x + 3 = 11.',
    answer: 'x = 4',
    submissions: [
      ok('correct', ['2x + 3 = 11', '2x = 8', 'x = 4']),
      wrong('wrong condition carried to the solution', ['2x + 3 = 11', '2x = 14', 'x = 7'], 'incorrect', [1], [2]),
      wrong('wrong solution', ['2x + 3 = 11', '2x = 8', 'x = 3'], 'incorrect', [2], []),
      ok('LaTeX with a boxed solution', ['$2x + 3 = 11$', '$2x = 8$', '$\\boxed{x = 4}$']),
    ],
  },
  {
    key: 'divide-by-x',
    statement: 'Solve x^2 = 5x.',
    answer: 'x = 0 or x = 5',
    submissions: [
      ok('factoring keeps both roots', ['x^2 = 5x', 'x^2 - 5x = 0', 'x(x - 5) = 0', 'x = 0 or x = 5']),
      wrong('dividing by x loses x = 0', ['x^2 = 5x', 'x = 5'], 'incorrect', [1], [], { step: 1, root: '0' }),
      wrong(
        'solution statement misses a root',
        ['x^2 = 5x', 'x^2 - 5x = 0', 'x(x - 5) = 0', 'x = 5'],
        'incorrect',
        [3],
        [],
        { step: 3, root: '0' },
      ),
      ok('Chinese solution statement', ['x^2 = 5x', 'x^2 - 5x = 0', 'x(x - 5) = 0', '解得 x = 0 或 x = 5']),
    ],
  },
  {
    key: 'difference-of-squares',
    statement: 'Solve x^2 - 9 = 0.',
    answer: 'x = 3 or x = -3',
    submissions: [
      ok('correct', ['x^2 - 9 = 0', 'x^2 = 9', 'x = 3 or x = -3']),
      wrong('the negative root is lost', ['x^2 - 9 = 0', 'x^2 = 9', 'x = 3'], 'incorrect', [2], [], {
        step: 2,
        root: '-3',
      }),
      ok('comma-separated solutions', ['x^2 - 9 = 0', '(x - 3)(x + 3) = 0', 'x = 3, x = -3']),
      ok('set membership', ['x^2 - 9 = 0', 'x ∈ {-3, 3}']),
    ],
  },
  {
    key: 'factored',
    statement: 'Solve (x - 1)(x + 4) = 0.',
    answer: 'x = 1 or x = -4',
    submissions: [
      ok('read off the factors', ['(x - 1)(x + 4) = 0', 'x = 1 or x = -4']),
      wrong('signs of the roots swapped', ['(x - 1)(x + 4) = 0', 'x = -1 or x = 4'], 'incorrect', [1], []),
      ok('expanded, same solution set', ['(x - 1)(x + 4) = 0', 'x^2 + 3x - 4 = 0', 'x = 1 or x = -4']),
    ],
  },
  {
    key: 'brackets',
    statement: 'Solve 3(x - 2) = 2x + 1.',
    answer: 'x = 7',
    submissions: [
      ok('correct', ['3(x - 2) = 2x + 1', '3x - 6 = 2x + 1', 'x = 7']),
      wrong('bracket expanded wrongly', ['3(x - 2) = 2x + 1', '3x - 2 = 2x + 1', 'x = 3'], 'incorrect', [1], [2]),
      wrong('last step wrong', ['3(x - 2) = 2x + 1', '3x - 6 = 2x + 1', 'x = 5'], 'incorrect', [2], []),
    ],
  },
  {
    key: 'squaring',
    statement: 'Solve sqrt(x + 2) = x.',
    answer: 'x = 2',
    submissions: [
      wrong(
        'squaring gains the root x = -1',
        ['sqrt(x + 2) = x', 'x + 2 = x^2', 'x^2 - x - 2 = 0', '(x - 2)(x + 1) = 0', 'x = 2 or x = -1'],
        'incorrect',
        [1],
        [2, 3, 4],
        { step: 1, root: '-1' },
      ),
    ],
  },
  {
    key: 'fractions-equation',
    statement: 'Solve x/2 + x/3 = 5.',
    answer: 'x = 6',
    submissions: [
      ok('denominators cleared', ['x/2 + x/3 = 5', '3x + 2x = 30', '5x = 30', 'x = 6']),
      wrong('right side not multiplied', ['x/2 + x/3 = 5', '3x + 2x = 5', '5x = 5', 'x = 1'], 'incorrect', [1], [2, 3]),
    ],
  },
  {
    key: 'completing-square',
    statement: 'Solve x^2 - 2x - 1 = 0.',
    answer: 'x = 1 + sqrt(2) or x = 1 - sqrt(2)',
    submissions: [
      ok('completing the square', ['x^2 - 2x - 1 = 0', '(x - 1)^2 = 2', 'x = 1 + sqrt(2) or x = 1 - sqrt(2)']),
      wrong('one root lost', ['x^2 - 2x - 1 = 0', '(x - 1)^2 = 2', 'x = 1 + sqrt(2)'], 'incorrect', [2], []),
      ok('LaTeX', ['$x^2 - 2x - 1 = 0$', '$(x-1)^2 = 2$', '$x = 1 + \\sqrt{2}$ or $x = 1 - \\sqrt{2}$']),
    ],
  },
];

export const algebra: Problem[] = [
  {
    key: 'simplify-h',
    statement: 'Let h(x) = 2(x + 1) - 3(x - 2). Simplify h(x).',
    definitions: { 'h(x)': '2(x + 1) - 3(x - 2)' },
    answer: '8 - x',
    submissions: [
      ok('two lines', ['h(x) = 2x + 2 - 3x + 6', 'h(x) = -x + 8']),
      wrong('sign slip carried', ['h(x) = 2x + 2 - 3x - 6', 'h(x) = -x - 4'], 'incorrect', [0], [1]),
      ok('one chain', ['h(x) = 2x + 2 - 3x + 6 = -x + 8']),
      wrong('last link wrong', ['h(x) = 2x + 2 - 3x + 6 = -x + 4'], 'incorrect', [0], []),
    ],
  },
  {
    key: 'simplify-g',
    statement: 'Let g(x) = (x^2 - 4)/(x - 2). Simplify g(x).',
    definitions: { 'g(x)': '(x^2 - 4)/(x - 2)' },
    answer: 'x + 2',
    submissions: [
      ok('factor and cancel', ['g(x) = (x - 2)(x + 2)/(x - 2)', 'g(x) = x + 2']),
      wrong('wrong factor kept', ['g(x) = (x - 2)(x + 2)/(x - 2)', 'g(x) = x - 2'], 'incorrect', [1], []),
      ok('LaTeX chain', ['$g(x) = \\frac{(x-2)(x+2)}{x-2} = x + 2$']),
    ],
  },
  {
    key: 'expand-p',
    statement: 'Let p(x) = (x + 3)^2. Expand p(x).',
    definitions: { 'p(x)': '(x + 3)^2' },
    answer: 'x^2 + 6x + 9',
    submissions: [
      ok('chain', ['p(x) = (x + 3)(x + 3) = x^2 + 3x + 3x + 9 = x^2 + 6x + 9']),
      wrong('cross term forgotten', ['p(x) = x^2 + 9'], 'incorrect', [0], []),
      wrong('cross term halved', ['p(x) = (x + 3)(x + 3)', 'p(x) = x^2 + 3x + 9'], 'incorrect', [1], []),
    ],
  },
  {
    key: 'evaluate-f',
    statement: 'Given f(x) = 2x^2 - 3x + 1, find f(3).',
    definitions: { 'f(x)': '2x^2 - 3x + 1' },
    answer: '10',
    submissions: [
      ok('substitution chain', ['f(3) = 2(3)^2 - 3(3) + 1 = 18 - 9 + 1 = 10']),
      wrong('last link wrong', ['f(3) = 2(3)^2 - 3(3) + 1 = 18 - 9 + 1 = 11'], 'incorrect', [0], []),
      ok('a binding is not a claim', ['When x = 3: f(3) = 18 - 9 + 1 = 10']),
      wrong('squared the product', ['f(3) = 36 - 9 + 1 = 28'], 'incorrect', [0], []),
    ],
  },
];
