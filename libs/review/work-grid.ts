import { html, raw, type SafeHtml } from './escape-html.js';
import { renderMathText } from './render-math.js';
import { renderMarkedText } from './step-highlight.js';
import type { ReferenceStep, ReviewStep } from './review.types.js';
import { methodLabel, verdictBadge, verdictClass } from './verdict-labels.js';

// The student's work beside the reference. When steps match reference steps
// (matchesReferenceStep), each matched reference step sits on the row of its first matching student
// step and unmatched ones are slotted in reference order; when nothing matches, two plain columns.

export function renderStep(step: ReviewStep, firstErrorStep: number | null): SafeHtml {
  const verdict = verdictClass(step.verdict);
  const isFirstError = firstErrorStep === step.index;
  const match =
    step.matchesReferenceStep === null
      ? ''
      : html`<span class="method">matches reference ${step.matchesReferenceStep + 1}</span>`;
  return html`<div class="step verdict-${verdict}" data-step-index="${step.index}" data-verdict="${verdict}"${raw(isFirstError ? ' data-first-error' : '')}>
<div class="step-number">${step.index + 1}</div>
<div class="step-body"><div class="step-text">${raw(renderMarkedText(step.text, step.verdict === 'incorrect' ? step.span : undefined))}</div>
<div class="step-meta">${isFirstError ? html`<span class="first-error-flag">First error</span>` : ''}${verdictBadge(verdict)} ${methodLabel(step.method)} ${match}
<span class="reason">${raw(renderMathText(step.reason))}</span></div></div>
</div>`;
}

function renderReferenceStep(step: ReferenceStep, index: number, skipped: boolean): SafeHtml {
  const label = `Reference ${index + 1}${step.required ? ' · required' : ''}${skipped ? ' · not shown in the work' : ''}`;
  return html`<div class="ref-step${skipped ? ' skipped' : ''}" data-reference-index="${index}"><span class="ref-label">${label}</span>${raw(renderMathText(step.text))}</div>`;
}

interface Row {
  studentStep: ReviewStep | null;
  referenceIndex: number | null;
}

/** Rows for the aligned layout: student order kept, unmatched reference steps slotted in after their predecessor. */
export function alignRows(steps: ReviewStep[], referenceCount: number): Row[] {
  const placed = new Set<number>();
  const rows: Row[] = steps.map((step) => {
    const match = step.matchesReferenceStep;
    const usable = match !== null && match >= 0 && match < referenceCount && !placed.has(match);
    if (usable) placed.add(match);
    return { studentStep: step, referenceIndex: usable ? match : null };
  });
  for (let reference = 0; reference < referenceCount; reference += 1) {
    if (placed.has(reference)) continue;
    let insertAt = 0;
    rows.forEach((row, position) => {
      if (row.referenceIndex !== null && row.referenceIndex < reference) insertAt = position + 1;
    });
    rows.splice(insertAt, 0, { studentStep: null, referenceIndex: reference });
    placed.add(reference);
  }
  return rows;
}

export function renderWorkGrid(input: {
  steps: ReviewStep[];
  firstErrorStep: number | null;
  reference: ReferenceStep[];
  referenceAnswer: string | null;
  skipped: number[];
}): SafeHtml {
  const skipped = new Set(input.skipped);
  const referenceAnswer = input.referenceAnswer
    ? html`<div class="ref-step"><span class="ref-label">Answer key</span>${raw(renderMathText(input.referenceAnswer))}</div>`
    : '';
  const heads = html`<h3 class="column-head">Student's work</h3><h3 class="column-head">Reference solution</h3>`;
  const aligned = input.reference.length > 0 && input.steps.some((step) => step.matchesReferenceStep !== null);
  if (aligned) {
    const cells = alignRows(input.steps, input.reference.length).map(
      (row) => html`
<div class="grid-cell">${row.studentStep ? renderStep(row.studentStep, input.firstErrorStep) : ''}</div>
<div class="grid-cell">${row.referenceIndex === null ? raw('<div class="ref-empty"></div>') : renderReferenceStep(input.reference[row.referenceIndex]!, row.referenceIndex, skipped.has(row.referenceIndex))}</div>`,
    );
    return html`<div class="work-grid aligned">${heads}${cells}<div></div><div>${referenceAnswer}</div></div>`;
  }
  const referenceList =
    input.reference.length > 0
      ? input.reference.map((step, index) => html`<li>${renderReferenceStep(step, index, skipped.has(index))}</li>`)
      : html`<li class="meta">No worked reference steps; the answer key is the reference.</li>`;
  return html`<div class="work-grid">
<div><h3 class="column-head">Student's work</h3><ol class="steps">${input.steps.map((step) => html`<li>${renderStep(step, input.firstErrorStep)}</li>`)}</ol></div>
<div><h3 class="column-head">Reference solution</h3><ol class="reference-steps">${referenceList}</ol>${referenceAnswer}</div>
</div>`;
}

/** Work not graded yet: the submitted lines, typeset, without verdicts. */
export function renderSubmittedSteps(steps: string[]): SafeHtml {
  return html`<ol class="steps">${steps.map(
    (text, index) => html`<li><div class="step" data-step-index="${index}" data-verdict="pending">
<div class="step-number">${index + 1}</div><div class="step-body"><div class="step-text">${raw(renderMathText(text))}</div></div></div></li>`,
  )}</ol>`;
}
