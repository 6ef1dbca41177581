import { html, type SafeHtml } from './escape-html.js';

// Words and symbols for verdicts and methods, shared by both pages. Symbols are text (not colour
// alone), so a black-and-white print still says which step is which.
const VERDICTS: Record<string, { symbol: string; label: string }> = {
  correct: { symbol: '✓', label: 'Correct' },
  incorrect: { symbol: '✗', label: 'Incorrect' },
  carried_error: { symbol: '↳', label: 'Carried error' },
  unverified: { symbol: '?', label: 'Unverified' },
  missing: { symbol: '∅', label: 'Missing' },
};

const METHODS: Record<string, string> = {
  cas: 'checked by CAS',
  numeric: 'checked numerically',
  llm: "a model's opinion, not a verdict",
  teacher: 'set by the teacher',
  answer_key: 'decided by the answer key',
  reference: 'compared with the reference',
  none: 'not checked',
};

export function verdictBadge(verdict: string): SafeHtml {
  const known = VERDICTS[verdict] ?? { symbol: '?', label: verdict };
  const cssVerdict = VERDICTS[verdict] ? verdict : 'unverified';
  return html`<span class="badge badge-${cssVerdict}"><span aria-hidden="true">${known.symbol}</span> ${known.label}</span>`;
}

export function methodLabel(method: string): SafeHtml {
  return html`<span class="method" title="how this verdict was reached">${METHODS[method] ?? method}</span>`;
}

export const KNOWN_VERDICTS = ['correct', 'incorrect', 'carried_error', 'unverified'] as const;

/** A class-safe token for a verdict that came from storage. */
export function verdictClass(verdict: string): string {
  return (KNOWN_VERDICTS as readonly string[]).includes(verdict) ? verdict : 'unverified';
}
