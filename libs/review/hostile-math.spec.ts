// Protects student math against forgery and cost (issue 14 rows 1 and 13): only allow-listed
// commands are typeset (no boxes, colours, raw sizes, links or \html…), refused math shows as its
// source with a note, and one page's typesetting is bounded in output and time.
import { describe, expect, it } from '@jest/globals';
import { firstDisallowed } from './math-allow-list.js';
import { DEFAULT_MATH_LIMITS, MathBudget, TEXT_ONLY_LIMITS } from './math-budget.js';
import { renderSubmission } from './page-render.handlers.js';
import { renderMathText, withMathBudget } from './render-math.js';

const FAKE_BANNER = '$x = 2 \\raisebox{2em}{\\colorbox{green}{\\color{white}\\text{✓ correct, 10/10}}}$';

describe('the command allow-list', () => {
  it.each([
    ['\\raisebox{1em}{x}', '\\raisebox'],
    ['\\colorbox{green}{ok}', '\\colorbox'],
    ['\\fcolorbox{red}{green}{ok}', '\\fcolorbox'],
    ['\\color{green} x', '\\color'],
    ['\\textcolor{green}{x}', '\\textcolor'],
    ['\\fbox{x}', '\\fbox'],
    ['\\rule{10em}{10em}', '\\rule'],
    ['x \\kern{5em} y', '\\kern'],
    ['\\hspace{9em}', '\\hspace'],
    ['\\Huge x', '\\Huge'],
    ['\\llap{✓}', '\\llap'],
    ['\\smash{x}', '\\smash'],
    ['\\def\\a{b}', '\\def'],
    ['\\href{https://example.org}{x}', '\\href'],
    ['\\url{https://example.org}', '\\url'],
    ['\\htmlClass{c}{x}', '\\htmlClass'],
    ['\\htmlStyle{color:red}{x}', '\\htmlStyle'],
    ['\\includegraphics{a.png}', '\\includegraphics'],
    ['a \\\\[5em] b', '\\\\[…]'],
    ['\\begin{picture}x\\end{picture}', '{picture}'],
  ])('refuses %s', (tex, named) => {
    expect(firstDisallowed(tex)).toBe(named);
  });

  it.each([
    '\\frac{1}{2} + \\sqrt[3]{x} \\le \\pi',
    '\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}',
    '\\boxed{x = 2}',
    "f'(x) = 3x^2 - 6x \\Rightarrow x \\in \\{0, 2\\}",
    '\\left( \\dfrac{a}{b} \\right)^{2} \\cdot \\text{ cm}',
    '\\lim_{x \\to 0} \\frac{\\sin x}{x} = 1',
    '\\begin{cases} x & x > 0 \\\\ -x & x \\le 0 \\end{cases}',
  ])('allows %s and typesets it', (tex) => {
    expect(firstDisallowed(tex)).toBeNull();
    const out = renderMathText(`$${tex}$`);
    expect(out).toContain('class="katex"');
    expect(out).not.toContain('math-note');
  });

  it('shows a forged "correct" banner as its source text, with a note, and no colour or raise', () => {
    const out = renderMathText(FAKE_BANNER);
    expect(out).not.toContain('class="katex"');
    expect(out).toContain('<code class="tex-source">');
    expect(out).toContain('\\raisebox{2em}');
    expect(out).toMatch(/not typeset: \\raisebox is not allowed/);
    expect(out).not.toMatch(/style="[^"]*(background|color)/);
  });

  it('applies to undelimited math too', () => {
    const out = renderMathText('x = 2 \\colorbox{green}{ok}');
    expect(out).not.toMatch(/style="[^"]*background/);
  });
});

describe('the math budget', () => {
  const matrix = (size: number) =>
    `$\\begin{pmatrix}${Array.from({ length: size }, () => Array.from({ length: size }, () => '1').join(' & ')).join(' \\\\ ')}\\end{pmatrix}$`;
  const nestedRoots = (depth: number) => `$${'\\sqrt{'.repeat(depth)}x${'}'.repeat(depth)}$`;

  it('typesets small structures', () => {
    expect(renderMathText(matrix(4))).toContain('class="katex"');
    expect(renderMathText(nestedRoots(5))).toContain('class="katex"');
  });

  it('shows a 21×21 matrix and \\sqrt nested 200 deep as text with a note', () => {
    for (const heavy of [matrix(21), nestedRoots(200), `$${'\\sqrt'.repeat(200)} x$`]) {
      const out = renderMathText(heavy);
      expect(out).not.toContain('class="katex"');
      expect(out).toContain('not typeset:');
      expect(out.length).toBeLessThan(heavy.length * 2 + 200);
    }
  });

  it('stops typesetting when the page has used its output budget, and says so', () => {
    const budget = new MathBudget({ ...DEFAULT_MATH_LIMITS, maxPageOutput: 20_000 });
    const steps = Array.from({ length: 50 }, () => renderMathText.bind(null, matrix(8)));
    const rendered = withMathBudget(budget, () => steps.map((render) => render()));
    const typeset = rendered.filter((out) => out.includes('class="katex"')).length;
    expect(typeset).toBeGreaterThan(0);
    expect(typeset).toBeLessThan(50);
    expect(rendered.at(-1)).toMatch(/not typeset: this page already shows as much typeset math/);
    expect(rendered.join('').length).toBeLessThan(20_000 + 50 * 2_000);
  });

  it('bounds 200 steps of 21×21 matrices to a small page, quickly', () => {
    const started = performance.now();
    const page = withMathBudget(new MathBudget(), () =>
      Array.from({ length: 200 }, () => renderMathText(matrix(21))).join('\n'),
    );
    expect(page.length).toBeLessThan(1_000_000);
    expect(performance.now() - started).toBeLessThan(2_000); // generous; KaTeX never runs on these
  });
});

describe('the page a stopped render falls back to', () => {
  it('typesets nothing and says so, with the page headers', () => {
    const { page, headers } = renderSubmission(
      {
        assignmentTitle: 'T',
        submissionId: 's1',
        studentId: 'st',
        status: 'queued',
        statusReason: null,
        score: null,
        maxScore: null,
        gradedAt: null,
        overrideForm: null,
        notice: null,
        answers: [
          {
            problemKey: 'p1',
            statement: 'Find $x$.',
            points: 1,
            referenceSteps: [],
            referenceAnswer: null,
            graded: null,
            submittedSteps: ['$x = 2$', 'x = 2'],
            trace: null,
            override: null,
          },
        ],
      },
      TEXT_ONLY_LIMITS,
    );
    expect(page).not.toContain('class="katex"');
    expect(page.match(/not typeset: this page already took as long to typeset as it may/g)).toHaveLength(3);
    expect(headers['content-security-policy']).toContain("script-src 'none'");
  });
});
