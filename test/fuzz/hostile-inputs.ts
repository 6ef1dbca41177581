import fc from 'fast-check';

/** Strings that have broken parsers elsewhere: deep nesting, huge exponents, LaTeX, control bytes. */
const NASTY_MATH = [
  '',
  ' ',
  '\u0000',
  '((((((((((((((((((((((((((((((x))))))))))))))))))))))))))))))',
  '9^9^9^9^9',
  '10^(10^10)',
  '1e308*10',
  '0/0',
  '1/0',
  'x = ',
  '= =',
  '\\frac{1}{',
  '\\frac{\\frac{\\frac{1}{2}}{3}}{',
  '\\sqrt[1000]{-1}',
  '\\int_0^\\infty e^{-x} dx',
  '\\begin{matrix}1&2\\end{matrix}',
  'factorial(100000)',
  '100000!',
  'import("fs")',
  'evaluate("1+1")',
  'constructor.constructor("return process")()',
  '__proto__',
  'x'.repeat(2_000),
  '1+'.repeat(500) + '1',
  '['.repeat(300),
  'sin(sin(sin(sin(sin(sin(sin(sin(x))))))))',
  '2^-1074',
  '\u202e1+1',
  'ℵ₀ + ∞',
  '√(−1)',
  'x ≤ ≥ ≠ 3',
  'f(x) = 3x^2 - 6x',
  'max = 2, min = -2',
  'A: 60',
  'x = 0 or x = 2',
  '0.1 + 0.2 = 0.3',
  '12 * 7 = 84',
  'det([[1,2],[3,4]])',
  'solve(x^2=-1)',
];

export const mathString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_MATH) },
  { weight: 3, arbitrary: fc.stringMatching(/^[0-9a-z+\-*/^()=.,\\{} ]{0,60}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY_MATH), fc.constantFrom(...NASTY_MATH))
      .map(([left, right]) => `${left} = ${right}`),
  },
);

/** Any JSON value, biased towards the shapes our DTOs expect so validation goes deeper. */
export const jsonValue = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      [],
      {},
      '',
      0,
      -1,
      1e308,
      true,
      '__proto__',
      { __proto__: { admin: true } },
      { constructor: { prototype: {} } },
    ),
  },
);

const stepsArbitrary = fc.oneof(fc.array(mathString, { maxLength: 8 }), jsonValue);

export const submissionBody = fc.record(
  {
    studentId: fc.oneof(fc.string({ maxLength: 40 }), jsonValue),
    externalId: fc.oneof(fc.string({ maxLength: 40 }), jsonValue),
    answers: fc.oneof(
      fc.array(
        fc.record(
          {
            problemKey: fc.oneof(fc.constant('p1'), fc.string({ maxLength: 10 }), jsonValue),
            steps: stepsArbitrary,
            text: fc.oneof(mathString, jsonValue),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      jsonValue,
    ),
  },
  { requiredKeys: [] },
);

export const assignmentBody = fc.record(
  {
    title: fc.oneof(fc.string({ maxLength: 60 }), jsonValue),
    externalId: fc.oneof(fc.string({ maxLength: 30 }), jsonValue),
    grading: fc.oneof(
      fc.record(
        { inference: fc.constantFrom('none', 'auto', 'gpu', 'edge', 'bogus'), reviewUnverified: fc.boolean() },
        { requiredKeys: [] },
      ),
      jsonValue,
    ),
    problems: fc.oneof(
      fc.array(
        fc.record(
          {
            key: fc.oneof(fc.string({ maxLength: 10 }), jsonValue),
            statement: fc.oneof(mathString, jsonValue),
            answer: fc.oneof(mathString, jsonValue),
            referenceSteps: stepsArbitrary,
            definitions: jsonValue,
            points: fc.oneof(fc.double(), jsonValue),
            policy: jsonValue,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      jsonValue,
    ),
  },
  { requiredKeys: [] },
);

export const checkStepsBody = fc.record(
  {
    problem: fc.oneof(mathString, jsonValue),
    steps: stepsArbitrary,
    answer: fc.oneof(mathString, jsonValue),
    definitions: fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), mathString, { maxKeys: 3 }), jsonValue),
    policy: jsonValue,
  },
  { requiredKeys: [] },
);

export const equivalenceBody = fc.record(
  { expected: fc.oneof(mathString, jsonValue), given: fc.oneof(mathString, jsonValue), policy: jsonValue },
  { requiredKeys: [] },
);

/** A raw body as a client might send it: valid JSON, broken JSON, or bytes, with a content type. */
export const rawBody = fc.oneof(
  fc.tuple(
    fc.constant('application/json'),
    fc.oneof(fc.string({ maxLength: 200 }), fc.constant('{"a":'), fc.constant('[[[[[[[[[['.repeat(50))),
  ),
  fc.tuple(
    fc.constantFrom(
      'text/csv',
      'application/x-ndjson',
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      '*/*',
      '',
    ),
    fc.string({ unit: 'binary', maxLength: 300 }),
  ),
);

/** Header values that are legal on the wire but junk to us. */
export const junkAuthorization = fc.oneof(
  fc.constant(''),
  fc.constant('Bearer '),
  fc.constant('Basic YWRtaW46YWRtaW4='),
  fc.stringMatching(/^Bearer [ -~]{0,120}$/),
  fc.stringMatching(/^[ -~]{0,80}$/),
);

export const csvBody = fc
  .tuple(
    fc.constantFrom('studentId,problemKey,text,externalId\n', 'studentId,problemKey\n', '', '"unterminated\n'),
    fc.array(
      fc.tuple(
        fc.oneof(fc.string({ maxLength: 8 }), fc.constant('s-1')),
        fc.oneof(fc.constant('p1'), fc.string({ maxLength: 4 })),
        mathString,
        fc.string({ maxLength: 8 }),
        fc.boolean(),
      ),
      { maxLength: 6 },
    ),
  )
  .map(
    ([header, rows]) =>
      header +
      rows
        .map(([student, key, text, external, quoted]) =>
          [student, key, text, external].map((cell) => (quoted ? JSON.stringify(cell) : cell)).join(','),
        )
        .join('\n'),
  );

export const ndjsonBody = fc
  .array(
    fc.oneof(
      submissionBody.map((body) => JSON.stringify(body)),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 6 },
  )
  .map((lines) => lines.join('\n'));
