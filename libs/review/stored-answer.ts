import type { ReferenceStep, ReviewFinalAnswer, ReviewStep, StepVerdict } from './review.types.js';

// Stored results and problems are JSON columns: read them defensively into the page's shapes, so
// a field that is missing or of an older shape shows as "unverified" instead of breaking the page.

const VERDICTS: StepVerdict[] = ['correct', 'incorrect', 'carried_error', 'unverified'];
const FINAL_VERDICTS: ReviewFinalAnswer['verdict'][] = ['correct', 'incorrect', 'missing', 'unverified'];

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asString = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
const asIndex = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;

export function readSteps(stored: unknown): ReviewStep[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((entry, position) => {
    const step = asRecord(entry);
    const verdict = VERDICTS.find((known) => known === step.verdict) ?? 'unverified';
    return {
      index: asIndex(step.index) ?? position,
      text: asString(step.text),
      verdict,
      method: asString(step.method) || 'none',
      reason: asString(step.reason),
      matchesReferenceStep: asIndex(step.matchesReferenceStep),
      ...readSpan(step.span),
    };
  });
}

/** A stored span, only when both ends are indices (older rows have none). */
function readSpan(stored: unknown): { span?: { start: number; end: number } } {
  const span = asRecord(stored);
  const start = asIndex(span.start);
  const end = asIndex(span.end);
  return start !== null && end !== null && start < end ? { span: { start, end } } : {};
}

export function readFinalAnswer(stored: unknown): ReviewFinalAnswer {
  const answer = asRecord(stored);
  const parts = Array.isArray(answer.parts)
    ? answer.parts.map((part) => ({ name: asString(asRecord(part).name), verdict: asString(asRecord(part).verdict) }))
    : [];
  return {
    given: typeof answer.given === 'string' ? answer.given : null,
    expected: typeof answer.expected === 'string' ? answer.expected : null,
    verdict: FINAL_VERDICTS.find((known) => known === answer.verdict) ?? 'unverified',
    parts,
  };
}

/** A problem's referenceSteps: strings or {text, required}. */
export function readReferenceSteps(stored: unknown): ReferenceStep[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .map((entry) =>
      typeof entry === 'string'
        ? { text: entry, required: false }
        : { text: asString(asRecord(entry).text), required: asRecord(entry).required === true },
    )
    .filter((step) => step.text.trim() !== '');
}

/** A model's reasoning, if the stored answer carries one (field names used by the inference pools). */
export function readTrace(storedAnswer: unknown): string | null {
  const answer = asRecord(storedAnswer);
  const trace = answer.trace ?? answer.reasoningTrace ?? answer.modelTrace;
  return typeof trace === 'string' && trace.trim() !== '' ? trace : null;
}
