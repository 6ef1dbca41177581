// Step cases: English word problems (arithmetic in prose, units, percent, money, carried errors).
import { ok, wrong, type Problem } from './step-case.helpers.js';

export const wordProblems: Problem[] = [
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
        [1],
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
        [1],
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
        [1],
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
        [0],
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
