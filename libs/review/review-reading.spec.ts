// Protects how review pages read (issue 13): `$20` is money, `\boxed{…}` is a box wherever it is
// written, a correct final answer never shows a part as missing, and KaTeX fonts swap in.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { katexStylesheet } from './katex-stylesheet.js';
import { splitMathSegments } from './math-segments.js';
import { renderMathText } from './render-math.js';
import type { ReviewAnswer, SubmissionReview } from './review.types.js';
import { renderSubmissionPage } from './submission-page.js';

describe('money in a statement', () => {
  it.each([
    'A ticket costs $20. If $x$ tickets cost $100, find x.',
    'Pay $20 and $x$ more.',
    'It costs $20 for the first and $5 each after that.',
    '$10 x 1.2 = $12',
    'A book costs $20.',
  ])('%s keeps every amount as prose', (statement) => {
    const segments = splitMathSegments(statement);
    const prose = segments
      .filter((segment) => segment.kind === 'text')
      .map((segment) => (segment as { text: string }).text)
      .join('');
    for (const amount of statement.match(/\$\d+/g) ?? []) expect(prose).toContain(amount);
    const rendered = renderMathText(statement);
    for (const amount of statement.match(/\$\d+/g) ?? []) expect(rendered).toContain(amount);
  });

  it('still reads real math that starts with a digit', () => {
    expect(splitMathSegments('Solve $2x + 1 = 5$ and $3 \\text{ apples}$')).toEqual([
      { kind: 'text', text: 'Solve ' },
      { kind: 'math', tex: '2x + 1 = 5', display: false },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: '3 \\text{ apples}', display: false },
    ]);
    const segments = splitMathSegments('A ticket costs $20. If $x$ tickets');
    expect(segments.filter((segment) => segment.kind === 'math')).toEqual([{ kind: 'math', tex: 'x', display: false }]);
  });
});

describe('\\boxed{…}', () => {
  it.each([
    ['inside $…$', 'So $\\boxed{x = 2}$.'],
    ['undelimited in prose', 'So the answer is \\boxed{x = 2}.'],
    ['undelimited with nested braces', '答案 \\boxed{\\frac{1}{2}}'],
    ['in a display', '$$\\boxed{42}$$'],
  ])('is typeset as a box %s', (_where, text) => {
    const out = renderMathText(text);
    expect(out).toContain('class="katex"');
    expect(out).toContain('boxpad');
    // the source stays only in the MathML annotation (for screen readers and copying)
    expect(out.replace(/<annotation[\s\S]*?<\/annotation>/g, '')).not.toContain('\\boxed');
  });
});

const correctAsWhole: ReviewAnswer = {
  problemKey: 'p1',
  statement: 'Find the maximum and the minimum.',
  points: 10,
  referenceSteps: [],
  referenceAnswer: 'max = 2, min = -2',
  graded: {
    score: 10,
    maxScore: 10,
    finalAnswer: {
      given: '2, -2',
      expected: 'max = 2, min = -2',
      verdict: 'correct',
      parts: [
        { name: 'max', verdict: 'missing' },
        { name: 'min', verdict: 'missing' },
      ],
    },
    firstErrorStep: null,
    steps: [],
    skippedReferenceSteps: [],
    feedback: '',
    breakdown: null,
  },
  submittedSteps: [],
  trace: null,
  override: null,
};

const page = (answer: ReviewAnswer): string =>
  renderSubmissionPage({
    assignmentTitle: 'Extrema',
    submissionId: 's1',
    studentId: 'st-1',
    status: 'graded',
    statusReason: null,
    score: 10,
    maxScore: 10,
    gradedAt: null,
    answers: [answer],
    overrideForm: null,
    notice: null,
  } satisfies SubmissionReview);

describe('a correct final answer', () => {
  it('never shows a part as missing', () => {
    const html = page(correctAsWhole);
    const parts = html.match(/<dd class="parts">[\s\S]*?<\/dd>/)![0];
    expect(parts).not.toMatch(/badge-missing|Missing/);
    expect(parts.match(/badge-correct/g)).toHaveLength(2);
  });

  it('still shows a missing part of an incorrect answer', () => {
    const incorrect = {
      ...correctAsWhole,
      graded: {
        ...correctAsWhole.graded!,
        finalAnswer: { ...correctAsWhole.graded!.finalAnswer, verdict: 'incorrect' as const },
      },
    };
    expect(page(incorrect)).toContain('badge-missing');
  });
});

describe('KaTeX fonts', () => {
  const css = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');

  it('use font-display: swap in every @font-face rule', () => {
    const served = katexStylesheet(css);
    const faces = served.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThan(10);
    for (const face of faces) {
      expect(face).toContain('font-display:swap');
      expect(face).not.toMatch(/font-display:\s*block/);
      expect(face).toMatch(/font-family:"?KaTeX_/);
    }
    expect(served.length).toBeGreaterThan(css.length * 0.9);
  });
});
