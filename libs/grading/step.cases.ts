// Step-checking cases for checkSteps, written from docs/grading.md in the format of the worked
// examples in test/fixtures/examples/*.json. Step indices are 0-based; incorrectSteps and
// carriedSteps list exactly the steps with those verdicts, every other step is correct or
// unverified. CAS only (no model).
export type FinalVerdict = 'correct' | 'incorrect' | 'missing' | 'unverified';

export interface StepExpectation {
  firstErrorStep: number | null;
  finalAnswer: FinalVerdict;
  incorrectSteps: number[];
  carriedSteps: number[];
  /** A root the reason of `step` must name (lost or gained by that step). */
  namesRoot?: { step: number; root: string };
}

export interface StepCase {
  name: string;
  problem: string;
  definitions?: Record<string, string>;
  answer?: string;
  steps: string[];
  expect: StepExpectation;
}

interface Submission {
  name: string;
  steps: string[];
  expect: StepExpectation;
}

interface Problem {
  key: string;
  statement: string;
  definitions?: Record<string, string>;
  answer?: string;
  submissions: Submission[];
}

const ok = (name: string, steps: string[]): Submission => ({
  name,
  steps,
  expect: { firstErrorStep: null, finalAnswer: 'correct', incorrectSteps: [], carriedSteps: [] },
});

/** Work with errors: the first error is the first incorrect step. */
const wrong = (
  name: string,
  steps: string[],
  finalAnswer: FinalVerdict,
  incorrectSteps: number[],
  carriedSteps: number[],
  namesRoot?: { step: number; root: string },
): Submission => ({
  name,
  steps,
  expect: {
    firstErrorStep: incorrectSteps.length ? Math.min(...incorrectSteps) : null,
    finalAnswer,
    incorrectSteps,
    carriedSteps,
    ...(namesRoot ? { namesRoot } : {}),
  },
});

const wordProblems: Problem[] = [
  {
    key: 'apples',
    statement: 'Tom has 48 apples. He gives 13 to his sister and then buys 25 more. How many apples does he have now?',
    answer: '60',
    submissions: [
      ok('correct, prose', [
        'After giving some away he has 48 - 13 = 35 apples.',
        'Then he has 35 + 25 = 60 apples.',
        'A: 60',
      ]),
      wrong('slip in step 0 carried to the end', ['48 - 13 = 36', '36 + 25 = 61', 'A: 61'], 'incorrect', [0], [1, 2]),
      wrong('slip in step 1', ['48 - 13 = 35', '35 + 25 = 50', 'A: 50'], 'incorrect', [1], [2]),
      ok('no conclusion: the last value is the answer', ['48 - 13 = 35', '35 + 25 = 60']),
      ok('one chain', ['He has 48 - 13 + 25 = 60 apples.']),
      wrong(
        'method error: every line true, answer wrong',
        ['48 + 13 = 61', '61 + 25 = 86', 'A: 86'],
        'incorrect',
        [],
        [],
      ),
    ],
  },
  {
    key: 'eggs',
    statement: 'A carton holds 12 eggs. A farm fills 35 cartons a day. How many eggs does it pack in a week?',
    answer: '2940',
    submissions: [
      ok('x as times, thousands separator', ['12 x 35 = 420 eggs a day.', '420 x 7 = 2,940 eggs a week.', 'A: 2,940']),
      ok('× sign', ['12 × 35 = 420', '420 × 7 = 2940', 'The answer is 2940.']),
      wrong(
        'slip in step 0',
        ['12 x 35 = 410 eggs a day.', '410 x 7 = 2,870 eggs a week.', 'A: 2,870'],
        'incorrect',
        [0],
        [1, 2],
      ),
      wrong(
        'slip in step 1',
        ['12 x 35 = 420 eggs a day.', '420 x 7 = 2,840 eggs a week.', 'A: 2,840'],
        'incorrect',
        [1],
        [2],
      ),
      ok('LaTeX times and boxed answer', ['$12 \\times 35 = 420$', '$420 \\times 7 = 2940$', '\\boxed{2940}']),
    ],
  },
  {
    key: 'price-rise',
    statement: 'A laptop costs $800. Its price rises by 15%. What is the new price in dollars?',
    answer: '920',
    submissions: [
      ok('percent of a currency amount', [
        'The increase is 15% of $800 = $120.',
        'The new price is $800 + $120 = $920.',
      ]),
      ok('percent above 100', ['800 × 115% = 920', 'A: 920']),
      wrong(
        'percent slip carried',
        ['The increase is 15% of $800 = $12.', 'The new price is $800 + $12 = $812.'],
        'incorrect',
        [0],
        [1],
      ),
      wrong(
        'method error: subtracted the rise',
        ['15% of 800 = 120', '800 - 120 = 680', 'A: 680'],
        'incorrect',
        [],
        [],
      ),
    ],
  },
  {
    key: 'painting',
    statement: 'A painting was bought for $60,000. Its value then increased by 150%. How many dollars is it worth now?',
    answer: '150000',
    submissions: [
      ok('150% with separators', [
        'The increase is 60,000 × 150% = 90,000.',
        'It is now worth 60,000 + 90,000 = $150,000.',
      ]),
      wrong(
        'one mistake, not two',
        ['The increase is 60,000 × 150% = 9,000.', 'It is now worth 9,000 + 60,000 = $69,000.'],
        'incorrect',
        [0],
        [1],
      ),
      ok('decimal factor', ['60,000 × 1.5 = 90,000', '90,000 + 60,000 = 150,000', 'A: $150,000']),
    ],
  },
  {
    key: 'pens',
    statement:
      'Pens cost $1.25 each. Maria buys 8 pens and pays with a $20 bill. How much change does she get in dollars?',
    answer: '10',
    submissions: [
      ok('currency with cents', ['The pens cost 8 × $1.25 = $10.00.', 'Her change is $20 - $10 = $10.', 'A: $10']),
      wrong('slip in step 0', ['8 × 1.25 = 9', '20 - 9 = 11', 'A: 11'], 'incorrect', [0], [1, 2]),
      wrong('slip in step 1', ['8 × 1.25 = 10', '20 - 10 = 12', 'A: 12'], 'incorrect', [1], [2]),
      wrong(
        'method error: added instead of multiplied',
        ['$1.25 + $8 = $9.25', '$20 - $9.25 = $10.75', 'A: $10.75'],
        'incorrect',
        [],
        [],
      ),
    ],
  },
  {
    key: 'rice',
    statement:
      'A 2 kg bag of rice is shared equally among 3 jars. How many kilograms go in each jar, rounded to two decimal places?',
    answer: '0.67',
    submissions: [
      ok('decimal at the precision written', ['2 / 3 = 0.67', 'Each jar holds 0.67 kg.']),
      wrong(
        'truncated to one place is wrong (0.666… rounds to 0.7)',
        ['2 / 3 = 0.6', 'Each jar holds 0.6 kg.'],
        'incorrect',
        [0],
        [1],
      ),
      wrong('truncated, not rounded half up', ['2 / 3 = 0.66', 'Each jar holds 0.66 kg.'], 'incorrect', [0], [1]),
    ],
  },
  {
    key: 'cookies',
    statement: 'Two friends share 7 cookies equally. How many cookies does each friend get?',
    answer: '3.5',
    submissions: [
      ok('exact decimal', ['7 / 2 = 3.5', 'A: 3.5']),
      wrong('integers are exact: 7/2 is not 4', ['7 / 2 = 4', 'A: 4'], 'incorrect', [0], [1]),
      ok('mixed fraction result', ['Each friend gets 7 / 2 = 3 1/2 cookies.']),
    ],
  },
  {
    key: 'share-ten',
    statement: 'Three friends share $10 equally. How many dollars does each get, to the nearest cent?',
    answer: '3.33',
    submissions: [
      ok('rounded at two places', ['10 / 3 = 3.33', 'Each gets $3.33.']),
      wrong('rounded the wrong way', ['10 / 3 = 3.34', 'Each gets $3.34.'], 'incorrect', [0], [1]),
    ],
  },
  {
    key: 'flour',
    statement: 'A cake needs 2 1/2 cups of flour. How many cups are needed for 4 cakes?',
    answer: '10',
    submissions: [
      ok('mixed fraction times a number', ['2 1/2 × 4 = 10 cups', 'A: 10']),
      wrong('mixed fraction slip', ['2 1/2 × 4 = 9 cups', 'A: 9'], 'incorrect', [0], [1]),
      ok('decimal instead', ['2.5 × 4 = 10', 'A: 10']),
    ],
  },
  {
    key: 'boards',
    statement: 'One board is 3 1/2 m long and another is 1 1/4 m long. What is their total length in metres?',
    answer: '4.75',
    submissions: [
      ok('mixed fractions added', ['3 1/2 + 1 1/4 = 4 3/4', 'A: 4 3/4']),
      wrong('mixed fraction sum slip', ['3 1/2 + 1 1/4 = 4 1/2', 'A: 4 1/2'], 'incorrect', [0], [1]),
      ok('decimals', ['3.5 + 1.25 = 4.75 m']),
    ],
  },
  {
    key: 'stationery',
    statement: 'Ann buys 3 notebooks at $2 each and 2 pens at $4 each. How many dollars does she spend?',
    answer: '14',
    submissions: [
      ok('subtotals then total', ['Notebooks: 3 × $2 = $6.', 'Pens: 2 × $4 = $8.', 'Total: $6 + $8 = $14.']),
      wrong(
        'an independent later step stays correct',
        ['Notebooks: 3 × $2 = $7.', 'Pens: 2 × $4 = $8.', 'Total: $7 + $8 = $15.'],
        'incorrect',
        [0],
        [2],
      ),
      wrong(
        'slip in the second subtotal',
        ['Notebooks: 3 × $2 = $6.', 'Pens: 2 × $4 = $9.', 'Total: $6 + $9 = $15.'],
        'incorrect',
        [1],
        [2],
      ),
      wrong(
        'slip in the total only',
        ['Notebooks: 3 × $2 = $6.', 'Pens: 2 × $4 = $8.', 'Total: $6 + $8 = $15.'],
        'incorrect',
        [2],
        [],
      ),
    ],
  },
  {
    key: 'folders',
    statement: 'A choir has 9 tenors and 14 altos. Every singer gets 2 music folders. How many folders are handed out?',
    answer: '46',
    submissions: [
      ok('a Let binding then a defined name', [
        'Let m be the count of singers: m = 9 + 14 = 23.',
        'Handing out 2m = 2 × 23 = 46 folders.',
      ]),
      wrong(
        'a wrong defined value carries',
        ['Let m be the count of singers: m = 9 + 14 = 24.', 'Handing out 2m = 2 × 24 = 48 folders.'],
        'incorrect',
        [0],
        [1],
      ),
    ],
  },
  {
    key: 'shared-bill',
    statement:
      'Five friends share a bill of $1,200 for the room and $350 for food equally. How many dollars does each pay?',
    answer: '310',
    submissions: [
      ok('a name defined by the student', ['a = 1,200 + 350 = 1,550', 'Each pays a / 5 = 310 dollars.', 'A: 310']),
      wrong(
        'the defined name is tainted',
        ['a = 1,200 + 350 = 1,650', 'Each pays a / 5 = 330 dollars.', 'A: 330'],
        'incorrect',
        [0],
        [1, 2],
      ),
      wrong(
        'slip using the defined name',
        ['a = 1,200 + 350 = 1,550', 'Each pays a / 5 = 320 dollars.', 'A: 320'],
        'incorrect',
        [1],
        [2],
      ),
    ],
  },
  {
    key: 'train',
    statement: 'A train travels at 80 km/h for 2.5 hours. How many kilometres does it travel?',
    answer: '200',
    submissions: [
      ok('a labelled chain', ['Distance = 80 × 2.5 = 200 km.']),
      wrong('a labelled chain with a slip', ['Distance = 80 × 2.5 = 160 km.'], 'incorrect', [0], []),
      ok('split into parts', [
        'It travels 80 × 2 = 160 km in 2 hours and 80 / 2 = 40 km in the last half hour.',
        'In total 160 + 40 = 200 km.',
      ]),
    ],
  },
  {
    key: 'copy',
    statement: 'A 600 GB file is copied at 12 GB/minute. How many minutes does the copy take?',
    answer: '50',
    submissions: [
      ok('units are ignored', ['It takes 600 / 12 = 50 minutes at 12 GB/minute.']),
      wrong('division slip', ['It takes 600 / 12 = 60 minutes.'], 'incorrect', [0], []),
    ],
  },
  {
    key: 'cows',
    statement: 'A farmer has 30 cows and buys 12 more. How many cows does he have?',
    answer: '42',
    submissions: [
      wrong(
        'prose only: no claim, no answer',
        ['I think we should add the cows together.', 'That gives the total number of cows.'],
        'missing',
        [],
        [],
      ),
      ok('plain sum', ['30 + 12 = 42', 'A: 42']),
      wrong('plain slip', ['30 + 12 = 43', 'A: 43'], 'incorrect', [0], [1]),
    ],
  },
  {
    key: 'garden',
    statement: 'A rectangular garden is 12.5 m long and 8 m wide. What is its area in square metres?',
    answer: '100',
    submissions: [
      ok('decimal product', ['The area is 12.5 × 8 = 100 square metres.']),
      wrong('product slip', ['The area is 12.5 × 8 = 96 square metres.'], 'incorrect', [0], []),
      wrong(
        'method error: perimeter instead of area',
        ['The perimeter is 2 × (12.5 + 8) = 41 m.', 'A: 41'],
        'incorrect',
        [],
        [],
      ),
    ],
  },
  {
    key: 'savings',
    statement: 'Lena saves $2,400. She spends 35% of it on a bike. How many dollars are left?',
    answer: '1560',
    submissions: [
      ok('percent of a separated number', ['35% of 2,400 = 840', '2,400 - 840 = 1,560', 'A: $1,560']),
      wrong(
        'percent slip carried',
        ['35% of 2,400 = 740', '2,400 - 740 = 1,660', 'A: $1,660'],
        'incorrect',
        [0],
        [1, 2],
      ),
      ok('complementary percent', ['She keeps 65% of $2,400 = $1,560.']),
    ],
  },
  {
    key: 'tickets',
    statement:
      'Tickets cost $7.50 each. A group buys 12 tickets and pays a $5 booking fee. What is the total cost in dollars?',
    answer: '95',
    submissions: [
      ok('two steps', ['The tickets cost 12 × $7.50 = $90.', 'The total cost is $90 + $5 = $95.']),
      wrong(
        'slip carried into the conclusion',
        ['The tickets cost 12 × $7.50 = $84.', 'The total cost is $84 + $5 = $89.'],
        'incorrect',
        [0],
        [1],
      ),
      ok('one chain in the conclusion', ['The total cost is 12 × 7.50 + 5 = $95.']),
    ],
  },
];

const chineseWordProblems: Problem[] = [
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
        [],
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

const equations: Problem[] = [
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

const algebra: Problem[] = [
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

const cubicDefinitions = { 'f(x)': 'x^3 - 12x' };
const calculus: Problem[] = [
  {
    key: 'quartic-derivative',
    statement: 'Find the derivative of f(x) = x^4 - 2x^2.',
    definitions: { 'f(x)': 'x^4 - 2x^2' },
    answer: '4x^3 - 4x',
    submissions: [
      ok('power rule', ["f'(x) = 4x^3 - 4x"]),
      wrong('wrong coefficient', ["f'(x) = 4x^3 - 2x"], 'incorrect', [0], []),
      ok('factored, LaTeX', ["$f'(x) = 4x(x^2 - 1)$"]),
      ok('chain of equivalent forms', ["f'(x) = 4x^3 - 4x = 4x(x - 1)(x + 1)"]),
    ],
  },
  {
    key: 'product-rule',
    statement: 'Differentiate f(x) = x e^x.',
    definitions: { 'f(x)': 'x * e^x' },
    answer: 'e^x + x e^x',
    submissions: [
      ok('product rule', ["f'(x) = e^x + x e^x"]),
      wrong('product rule forgotten', ["f'(x) = x e^x"], 'incorrect', [0], []),
      ok('factored, LaTeX', ["$f'(x) = (1 + x)e^{x}$"]),
    ],
  },
  {
    key: 'chain-sin',
    statement: 'Differentiate f(x) = sin(x^2).',
    definitions: { 'f(x)': 'sin(x^2)' },
    answer: '2x cos(x^2)',
    submissions: [
      ok('chain rule', ["f'(x) = 2x cos(x^2)"]),
      wrong('inner derivative forgotten', ["f'(x) = cos(x^2)"], 'incorrect', [0], []),
      ok('LaTeX', ["$f'(x) = 2x\\cos(x^2)$"]),
    ],
  },
  {
    key: 'chain-power',
    statement: 'Differentiate f(x) = (2x + 1)^3.',
    definitions: { 'f(x)': '(2x + 1)^3' },
    answer: '6(2x + 1)^2',
    submissions: [
      ok('chain rule in two lines', ["f'(x) = 3(2x + 1)^2 \\cdot 2", "f'(x) = 6(2x + 1)^2"]),
      wrong(
        'inner factor forgotten, then expanded correctly',
        ["f'(x) = 3(2x + 1)^2", "f'(x) = 3(4x^2 + 4x + 1) = 12x^2 + 12x + 3"],
        'incorrect',
        [0],
        [1],
      ),
      ok('expanded', ["f'(x) = 6(2x + 1)^2 = 24x^2 + 24x + 6"]),
    ],
  },
  {
    key: 'log-derivative',
    statement: 'Differentiate f(x) = ln(x^2 + 1).',
    definitions: { 'f(x)': 'ln(x^2 + 1)' },
    answer: '2x/(x^2 + 1)',
    submissions: [
      ok('LaTeX fraction', ["$f'(x) = \\frac{2x}{x^2 + 1}$"]),
      wrong('inner derivative forgotten', ["f'(x) = 1/(x^2 + 1)"], 'incorrect', [0], []),
    ],
  },
  {
    key: 'derivative-at-point',
    statement: "Let f(x) = x^2 + 3x. Find f'(2).",
    definitions: { 'f(x)': 'x^2 + 3x' },
    answer: '7',
    submissions: [
      ok('derivative then value', ["f'(x) = 2x + 3", "f'(2) = 2 \\cdot 2 + 3 = 7"]),
      wrong('arithmetic slip', ["f'(x) = 2x + 3", "f'(2) = 2 \\cdot 2 + 3 = 8"], 'incorrect', [1], []),
      wrong('wrong derivative carried', ["f'(x) = x + 3", "f'(2) = 2 + 3 = 5"], 'incorrect', [0], [1]),
    ],
  },
  {
    key: 'cubic-extrema',
    statement: 'Find the maximum and minimum of f(x) = x^3 - 12x on [-3, 3].',
    definitions: cubicDefinitions,
    answer: 'max = 16, min = -16',
    submissions: [
      ok('correct, English, plain', [
        "f'(x) = 3x^2 - 12",
        "Set f'(x) = 0: 3x^2 - 12 = 0",
        'x^2 = 4, so x = -2 or x = 2',
        'f(-3) = -27 + 36 = 9',
        'f(-2) = -8 + 24 = 16',
        'f(2) = 8 - 24 = -16',
        'f(3) = 27 - 36 = -9',
        'So the maximum is 16 and the minimum is -16.',
      ]),
      wrong(
        'wrong derivative carried',
        [
          "f'(x) = 3x^2 - 3",
          '3x^2 - 3 = 0',
          'x^2 = 1, so x = -1 or x = 1',
          'f(-3) = 9, f(-1) = 11, f(1) = -11, f(3) = -9',
          'max = 11, min = -11',
        ],
        'incorrect',
        [0],
        [1, 2, 3, 4],
      ),
      wrong(
        'arithmetic slip carried only into the conclusion',
        [
          "f'(x) = 3x^2 - 12",
          '3x^2 - 12 = 0, so x = -2 or x = 2',
          'f(-2) = -8 + 24 = 18',
          'f(2) = 8 - 24 = -16',
          'f(-3) = 9, f(3) = -9',
          'The maximum is 18 and the minimum is -16.',
        ],
        'incorrect',
        [2],
        [5],
      ),
      wrong(
        'negative root lost',
        ["f'(x) = 3x^2 - 12", '3x^2 - 12 = 0', 'x = 2', 'f(-3) = 9, f(2) = -16, f(3) = -9', 'max = 9, min = -16'],
        'incorrect',
        [2],
        [3, 4],
        { step: 2, root: '-2' },
      ),
      ok('correct, Chinese, LaTeX', [
        "对 $f(x) = x^3 - 12x$ 求导:$f'(x) = 3x^2 - 12$",
        "令 $f'(x) = 0$,得 $3x^2 - 12 = 0$",
        '解得 $x = -2$ 或 $x = 2$',
        '当 $x = -3$ 时,$f(-3) = -27 + 36 = 9$',
        '当 $x = -2$ 时,$f(-2) = -8 + 24 = 16$',
        '当 $x = 2$ 时,$f(2) = 8 - 24 = -16$',
        '当 $x = 3$ 时,$f(3) = 27 - 36 = -9$',
        '答:最大值为 16,最小值为 -16。',
      ]),
      wrong(
        'Chinese, slip carried into the answer',
        [
          "对 $f(x) = x^3 - 12x$ 求导:$f'(x) = 3x^2 - 12$",
          "令 $f'(x) = 0$,得 $3x^2 - 12 = 0$",
          '解得 $x = -2$ 或 $x = 2$',
          '当 $x = -3$ 时,$f(-3) = -27 + 36 = 9$',
          '当 $x = -2$ 时,$f(-2) = -8 + 24 = 16$',
          '当 $x = 2$ 时,$f(2) = 8 - 24 = -14$',
          '当 $x = 3$ 时,$f(3) = 27 - 36 = -9$',
          '答:最大值为 16,最小值为 -14。',
        ],
        'incorrect',
        [5],
        [7],
      ),
      ok('critical points named', [
        "f'(x) = 3x^2 - 12 = 3(x - 2)(x + 2), critical points x = -2 and x = 2",
        'f(-3) = 9, f(-2) = 16, f(2) = -16, f(3) = -9',
        'max = 16, min = -16',
      ]),
      wrong(
        'wrong critical points, later values untainted',
        ["f'(x) = 3x^2 - 12, critical points x = -4 and x = 4", 'f(-3) = 9, f(3) = -9', 'max = 9, min = -9'],
        'incorrect',
        [0],
        [],
      ),
    ],
  },
  {
    key: 'quadratic-extrema',
    statement: 'Find the maximum and minimum of f(x) = x^2 - 4x + 1 on [0, 5].',
    definitions: { 'f(x)': 'x^2 - 4x + 1' },
    answer: 'max = 6, min = -3',
    submissions: [
      ok('correct', [
        "f'(x) = 2x - 4",
        "Set f'(x) = 0: 2x - 4 = 0, so x = 2",
        'f(0) = 1',
        'f(2) = 4 - 8 + 1 = -3',
        'f(5) = 25 - 20 + 1 = 6',
        'The maximum is 6 and the minimum is -3.',
      ]),
      wrong(
        'endpoint slip carried',
        ["f'(x) = 2x - 4", '2x - 4 = 0, so x = 2', 'f(0) = 1, f(2) = -3, f(5) = 25 - 20 + 1 = 4', 'max = 4, min = -3'],
        'incorrect',
        [2],
        [3],
      ),
      ok('Chinese', [
        "f'(x) = 2x - 4",
        "令 f'(x) = 0,解得 x = 2",
        'f(0) = 1,f(2) = -3,f(5) = 6',
        '答:最大值为 6,最小值为 -3。',
      ]),
      wrong(
        'wrong derivative, right max by luck',
        ["f'(x) = 2x - 2", '2x - 2 = 0, so x = 1', 'f(0) = 1, f(1) = -2, f(5) = 6', 'max = 6, min = -2'],
        'incorrect',
        [0],
        [1, 2, 3],
      ),
    ],
  },
  {
    key: 'parabola-minimum',
    statement: 'Find the minimum value of g(t) = t^2 - 6t + 10.',
    definitions: { 'g(t)': 't^2 - 6t + 10' },
    answer: '1',
    submissions: [
      ok('correct', ["g'(t) = 2t - 6", '2t - 6 = 0, so t = 3', 'g(3) = 9 - 18 + 10 = 1', 'The minimum is 1.']),
      wrong(
        'value slip carried',
        ["g'(t) = 2t - 6", '2t - 6 = 0, so t = 3', 'g(3) = 9 - 18 + 10 = 2', 'The minimum is 2.'],
        'incorrect',
        [2],
        [3],
      ),
      wrong(
        'wrong derivative carried',
        ["g'(t) = 2t - 3", '2t - 3 = 0, so t = 1.5', 'g(1.5) = 2.25 - 9 + 10 = 3.25', 'The minimum is 3.25.'],
        'incorrect',
        [0],
        [1, 2, 3],
      ),
    ],
  },
  {
    key: 'minimum-zh',
    statement: '求函数 f(x) = x^2 - 2x + 3 的最小值。',
    definitions: { 'f(x)': 'x^2 - 2x + 3' },
    answer: '2',
    submissions: [
      ok('correct', [
        "f'(x) = 2x - 2",
        "令 f'(x) = 0,得 2x - 2 = 0,解得 x = 1",
        'f(1) = 1 - 2 + 3 = 2',
        '答:最小值为 2。',
      ]),
      wrong(
        'value slip carried',
        ["f'(x) = 2x - 2", "令 f'(x) = 0,得 2x - 2 = 0,解得 x = 1", 'f(1) = 1 - 2 + 3 = 3', '答:最小值为 3。'],
        'incorrect',
        [2],
        [3],
      ),
    ],
  },
  {
    key: 'critical-points',
    statement: 'Find the critical points of f(x) = x^3 - 3x.',
    definitions: { 'f(x)': 'x^3 - 3x' },
    answer: 'x = -1 or x = 1',
    submissions: [
      ok('correct', ["f'(x) = 3x^2 - 3", '3x^2 - 3 = 0', 'x^2 = 1', 'x = 1 or x = -1']),
      wrong('negative root lost', ["f'(x) = 3x^2 - 3", '3x^2 - 3 = 0', 'x^2 = 1', 'x = 1'], 'incorrect', [3], [], {
        step: 3,
        root: '-1',
      }),
      ok('critical points statement', ["f'(x) = 3x^2 - 3 = 3(x - 1)(x + 1)", 'critical points x = -1 and x = 1']),
      ok('Chinese', ["f'(x) = 3x^2 - 3", "令 f'(x) = 0,得 x^2 = 1", '驻点为 x = -1, x = 1']),
    ],
  },
];

const flatten = (problems: Problem[]): StepCase[] =>
  problems.flatMap((problem) =>
    problem.submissions.map((submission) => ({
      name: `${problem.key}: ${submission.name}`,
      problem: problem.statement,
      ...(problem.definitions ? { definitions: problem.definitions } : {}),
      ...(problem.answer !== undefined ? { answer: problem.answer } : {}),
      steps: submission.steps,
      expect: submission.expect,
    })),
  );

export const stepCases: StepCase[] = flatten([
  ...wordProblems,
  ...chineseWordProblems,
  ...equations,
  ...algebra,
  ...calculus,
]);
