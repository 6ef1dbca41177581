import type { AssignmentAnalytics } from '../grading/analytics-summary.js';
import { html, raw, type SafeHtml } from './escape-html.js';
import { MathBudget, type MathLimits } from './math-budget.js';
import { renderPage } from './page-layout.js';
import { renderMathText, withMathBudget } from './render-math.js';
import type { AssignmentReview } from './review.types.js';

// The assignment page: progress by status (refreshing itself while anything is queued or grading),
// score histogram, per-problem rates and the most common first errors with signed example links.
// It computes no figure: they are the analytics endpoint's (libs/grading/analytics-summary.ts),
// shown as percentages of the maximum score; data attributes carry them unrounded.

const STATUS_LABELS: [string, string][] = [
  ['queued', 'Queued'],
  ['grading', 'Grading'],
  ['graded', 'Graded'],
  ['needs_review', 'Needs review'],
  ['failed', 'Failed'],
];

const percentText = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
const percentClass = (rate: number | null) => Math.round(Math.min(1, Math.max(0, rate ?? 0)) * 100);

function renderProgress(counts: Record<string, number>): SafeHtml {
  const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
  return html`<div class="stats" data-progress>
<div class="stat"><div class="k">Submissions</div><div class="v">${total}</div></div>
${STATUS_LABELS.map(([status, label]) => html`<div class="stat" data-status="${status}"><div class="k">${label}</div><div class="v">${counts[status] ?? 0}</div></div>`)}
</div>`;
}

/** A share of the maximum score as a whole percent; points when the assignment is worth nothing. */
const ofMax = (points: number, maxScore: number) =>
  maxScore > 0 ? `${Math.round((100 * points) / maxScore)}%` : `${points} pt`;

function renderHistogram(analytics: AssignmentAnalytics): SafeHtml {
  const { histogram, maxScore, meanScore, submissions } = analytics;
  const tallest = Math.max(1, ...histogram.map((bin) => bin.count));
  const mean = meanScore === null ? '—' : ofMax(meanScore, maxScore);
  return html`<section class="problem" data-submissions="${submissions}" data-mean-score="${meanScore ?? ''}" data-max-score="${maxScore}"><div class="problem-head"><h2>Scores</h2>
<span class="meta">${submissions} scored · mean ${mean}</span></div>
<div class="histogram" role="img" aria-label="score histogram">${histogram.map(
    (bin) => html`<div class="bar-wrap" data-bin-from="${bin.from}" data-bin-to="${bin.to}" data-count="${bin.count}">
<span class="count">${bin.count}</span><div class="bar h-${Math.round((90 * bin.count) / tallest)}"></div><span>${ofMax(bin.from, maxScore)}–${ofMax(bin.to, maxScore)}</span></div>`,
  )}
</div></section>`;
}

function renderProblems(analytics: AssignmentAnalytics, link: (submissionId: string) => string): SafeHtml {
  const rows = analytics.problems.map(
    (
      problem,
    ) => html`<tr data-problem-key="${problem.problemKey}" data-answered="${problem.answered}" data-correct-rate="${problem.correctRate ?? ''}" data-flawless-rate="${problem.flawlessRate ?? ''}">
<td><strong>${problem.problemKey}</strong><div class="meta">${problem.answered} answered</div></td>
<td>${percentText(problem.correctRate)}<div class="meter"><span class="w-${percentClass(problem.correctRate)}"></span></div></td>
<td>${percentText(problem.flawlessRate)}<div class="meter"><span class="w-${percentClass(problem.flawlessRate)}"></span></div></td>
<td>${
      problem.commonErrors.length === 0
        ? html`<span class="meta">none</span>`
        : html`<ol>${problem.commonErrors.map(
            (error) => html`<li data-common-error="${error.label}" data-count="${error.count}">
${raw(renderMathText(error.label))} <span class="pill">${error.count}×</span>
${error.exampleSubmissionIds.map((id, index) => html` <a data-example="${id}" href="${link(id)}">example ${index + 1}</a>`)}</li>`,
          )}</ol>`
    }</td>
</tr>`,
  );
  return html`<section class="problem"><div class="problem-head"><h2>Problems</h2></div>
<table class="rates"><thead><tr><th>Problem</th><th>Answer correct</th><th>Flawless work</th><th>Most common first errors</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

/** The page, its math typeset within one page budget (math-budget.ts). */
export function renderAssignmentPage(review: AssignmentReview, limits?: MathLimits): string {
  return withMathBudget(new MathBudget(limits), () => assignmentPage(review));
}

function assignmentPage(review: AssignmentReview): string {
  const running = (review.statusCounts.queued ?? 0) + (review.statusCounts.grading ?? 0) > 0;
  const body = html`<header class="page-header"><div><div class="eyebrow">StepGrade · Assignment review</div>
<h1>${review.title}</h1><p class="meta">${review.problemKeys.length} problem(s) · statistics use each student's latest submission</p></div></header>
${running ? html`<div class="notice warn" role="status">Grading is running; this page refreshes itself every 5 seconds.</div>` : ''}
${renderProgress(review.statusCounts)}
${renderHistogram(review.analytics)}
${renderProblems(review.analytics, review.submissionLink)}`;
  return renderPage({ title: `${review.title} — review`, body, refreshSeconds: running ? 5 : null });
}
