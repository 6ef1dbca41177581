import katex from 'katex';
import { escapeHtml } from './escape-html.js';
import { firstDisallowed } from './math-allow-list.js';
import { MathBudget, tooHeavy } from './math-budget.js';
import { splitMathSegments } from './math-segments.js';
import { splitPlainMath } from './plain-math.js';

// Server-side KaTeX for student text. Before KaTeX sees a segment, the allow-list (no boxes,
// colours, raw sizes, macros, links or \html…) and the size bounds are checked; a refused segment
// is shown as its source text with a note. trust: false, maxSize and maxExpand are the second line
// of defence. Everything outside math is HTML-escaped.
const KATEX_OPTIONS = {
  trust: false,
  strict: 'ignore',
  maxSize: 5,
  maxExpand: 1_000,
  output: 'htmlAndMathml',
} as const;

// The budget of the page being rendered (see withMathBudget). Rendering is synchronous, so one
// page's budget cannot leak into another's.
let pageBudget: MathBudget | null = null;

/** Renders a page with one math budget shared by every segment on it. */
export function withMathBudget<T>(budget: MathBudget, render: () => T): T {
  const previous = pageBudget;
  pageBudget = budget;
  try {
    return render();
  } finally {
    pageBudget = previous;
  }
}

/** Source shown instead of typeset math, with the reason. */
function asSource(tex: string, note: string): string {
  return `<code class="tex-source">${escapeHtml(tex)}</code> <span class="math-note">(not typeset: ${escapeHtml(note)})</span>`;
}

type Typeset = { html: string } | { refused: string };

function typeset(tex: string, display: boolean, budget: MathBudget, throwOnError: boolean): Typeset {
  const disallowed = firstDisallowed(tex);
  if (disallowed) return { refused: `${disallowed} is not allowed in student math` };
  const refused = budget.exhausted() ?? tooHeavy(tex, budget.limits);
  if (refused) return { refused };
  const started = performance.now();
  let html: string;
  try {
    html = katex.renderToString(tex, {
      ...KATEX_OPTIONS,
      displayMode: display,
      throwOnError,
      errorColor: '#b42318',
    });
  } finally {
    budget.spend(0, performance.now() - started);
  }
  if (html.length > budget.limits.maxSegmentOutput) return { refused: 'too large to typeset' };
  budget.spend(html.length, 0);
  return { html };
}

/** Delimited math: a parse error shows the source (escaped by KaTeX) in red, as the author wrote it. */
function renderDelimited(tex: string, display: boolean, budget: MathBudget): string {
  const result = typeset(tex, display, budget, false);
  return 'html' in result ? result.html : asSource(tex, result.refused);
}

/** Guessed math in plain text: when KaTeX cannot read the guess, the plain text is shown as written. */
function renderGuessed(tex: string, source: string, budget: MathBudget): string {
  let result: Typeset;
  try {
    result = typeset(tex, false, budget, true);
  } catch (error) {
    if (error instanceof katex.ParseError) return escapeHtml(source);
    throw error;
  }
  return 'html' in result ? result.html : asSource(source, result.refused);
}

function renderProse(text: string, budget: MathBudget): string {
  return splitPlainMath(text)
    .map((piece) => (piece.kind === 'text' ? escapeHtml(piece.text) : renderGuessed(piece.tex, piece.source, budget)))
    .join('');
}

/** One line of student (or reference) text as HTML: prose escaped, math typeset by KaTeX. */
export function renderMathText(text: string): string {
  const budget = pageBudget ?? new MathBudget();
  return splitMathSegments(text)
    .map((segment) =>
      segment.kind === 'math'
        ? renderDelimited(segment.tex, segment.display, budget)
        : renderProse(segment.text, budget),
    )
    .join('');
}
