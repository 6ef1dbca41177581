import katex from 'katex';
import { escapeHtml } from './escape-html.js';
import { splitMathSegments } from './math-segments.js';
import { splitPlainMath } from './plain-math.js';

// Server-side KaTeX for student text. trust: false refuses \href, \url, \includegraphics and the
// \html… commands, so `\href{javascript:…}` renders as inert red source text; maxSize and maxExpand
// bound what a hostile macro can cost. Everything outside math is HTML-escaped.
const KATEX_OPTIONS = {
  trust: false,
  strict: 'ignore',
  maxSize: 20,
  maxExpand: 300,
  output: 'htmlAndMathml',
} as const;

const MAX_TEX_LENGTH = 2_000;

/** Delimited math: a parse error shows the source (escaped by KaTeX) in red, as the author wrote it. */
function renderDelimited(tex: string, display: boolean): string {
  if (tex.length > MAX_TEX_LENGTH) return `<code class="tex-source">${escapeHtml(tex)}</code>`;
  return katex.renderToString(tex, {
    ...KATEX_OPTIONS,
    displayMode: display,
    throwOnError: false,
    errorColor: '#b42318',
  });
}

/** Guessed math in plain text: when KaTeX cannot read the guess, the plain text is shown as written. */
function renderGuessed(tex: string, source: string): string {
  try {
    return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: false, throwOnError: true });
  } catch {
    return escapeHtml(source);
  }
}

function renderProse(text: string): string {
  return splitPlainMath(text)
    .map((piece) => (piece.kind === 'text' ? escapeHtml(piece.text) : renderGuessed(piece.tex, piece.source)))
    .join('');
}

/** One line of student (or reference) text as HTML: prose escaped, math typeset by KaTeX. */
export function renderMathText(text: string): string {
  return splitMathSegments(text)
    .map((segment) =>
      segment.kind === 'math' ? renderDelimited(segment.tex, segment.display) : renderProse(segment.text),
    )
    .join('');
}
