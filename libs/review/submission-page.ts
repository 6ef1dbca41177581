import { html, type SafeHtml } from './escape-html.js';
import { renderAnswerSection } from './answer-section.js';
import { MathBudget, type MathLimits } from './math-budget.js';
import { renderPage } from './page-layout.js';
import type { OverrideFormView, ReviewAnswer, SubmissionReview } from './review.types.js';
import { withMathBudget } from './render-math.js';
import { verdictBadge } from './verdict-labels.js';

// The submission review page (API.md, Review pages): one section per problem, the override form
// when the link allows it, and a meta refresh while the submission is still queued or grading.

const formatPoints = (value: number) => String(Math.round(value * 100) / 100);

function renderOverrideForm(form: OverrideFormView, answers: ReviewAnswer[]): SafeHtml {
  return html`<section class="override-form no-print" aria-labelledby="override-title">
<h2 id="override-title">Override a score</h2>
<p class="meta">The override wins over the computed score and survives regrades.</p>
<form method="post" action="${form.actionUrl}">
<input type="hidden" name="csrf" value="${form.csrfToken}">
<div class="fields">
<label>Problem<select name="problemKey">${answers.map((answer) => html`<option value="${answer.problemKey}">${answer.problemKey}</option>`)}</select></label>
<label>Score<input name="score" type="number" step="0.01" min="0" required></label>
<label>Comment<textarea name="comment" maxlength="2000" required></textarea></label>
<button type="submit">Save override</button>
</div>
</form>
</section>`;
}

function renderLegend(): SafeHtml {
  return html`<div class="legend">${['correct', 'incorrect', 'carried_error', 'unverified'].map((verdict) => verdictBadge(verdict))}
<span>A carried error is a step that is valid for the student's own earlier (wrong) values.</span></div>`;
}

/** The page, its math typeset within one page budget (math-budget.ts). */
export function renderSubmissionPage(review: SubmissionReview, limits?: MathLimits): string {
  return withMathBudget(new MathBudget(limits), () => submissionPage(review));
}

function submissionPage(review: SubmissionReview): string {
  const pending = review.status === 'queued' || review.status === 'grading';
  const score = review.score === null ? '—' : formatPoints(review.score);
  const body = html`<header class="page-header">
<div><div class="eyebrow">StepGrade · Submission review</div>
<h1>${review.assignmentTitle}</h1>
<p class="meta">Student <b>${review.studentId}</b> · <span class="pill status-${review.status}">${review.status.replace('_', ' ')}</span>
${review.gradedAt ? html` · graded ${review.gradedAt}` : ''}</p>
${review.statusReason ? html`<p class="meta">${review.statusReason}</p>` : ''}
</div>
<div class="score-card"><div class="label">Score</div><div class="value">${score}</div>
<div class="of">of ${review.maxScore === null ? '—' : formatPoints(review.maxScore)}</div></div>
</header>
${review.notice ? html`<div class="notice" role="status">${review.notice}</div>` : ''}
${pending ? html`<div class="notice warn" role="status">Grading is in progress; this page refreshes itself.</div>` : ''}
${renderLegend()}
${review.answers.map((answer) => renderAnswerSection(answer))}
${review.overrideForm ? renderOverrideForm(review.overrideForm, review.answers) : ''}`;
  return renderPage({
    title: `${review.assignmentTitle} — ${review.studentId}`,
    body,
    refreshSeconds: pending ? 5 : null,
  });
}
