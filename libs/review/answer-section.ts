import { html, raw, type SafeHtml } from './escape-html.js';
import { renderMathText } from './render-math.js';
import type { ReviewAnswer, ReviewFinalAnswer, ReviewOverride, ScoreBreakdownView } from './review.types.js';
import { verdictBadge } from './verdict-labels.js';
import { renderSubmittedSteps, renderWorkGrid } from './work-grid.js';

// One problem of a submission: statement, work beside reference, final answer, score breakdown,
// override and the model's reasoning (collapsed: it supports the verdicts, it is not the verdict).

const FINAL_VERDICTS = ['correct', 'incorrect', 'missing', 'unverified'];

const formatPoints = (value: number) => String(Math.round(value * 100) / 100);

function renderFinalAnswer(finalAnswer: ReviewFinalAnswer): SafeHtml {
  const verdict = FINAL_VERDICTS.includes(finalAnswer.verdict) ? finalAnswer.verdict : 'unverified';
  // A final answer judged correct as a whole (`2, -2` against `max = 2, min = -2`) has every part:
  // a part the grader could not find by name is not missing from it.
  const partVerdict = (part: { verdict: string }) =>
    verdict === 'correct' && part.verdict === 'missing' ? 'correct' : part.verdict;
  const parts =
    finalAnswer.parts.length > 0
      ? html`<dt>Parts</dt><dd class="parts">${finalAnswer.parts.map((part) => html`<span data-part="${part.name}">${part.name}: ${verdictBadge(partVerdict(part))}</span>`)}</dd>`
      : '';
  const given = finalAnswer.given
    ? raw(renderMathText(finalAnswer.given))
    : html`<span class="meta">no final answer found</span>`;
  return html`<dl class="final-answer" data-final-verdict="${verdict}">
<dt>Final answer</dt><dd>${given} ${verdictBadge(verdict)}</dd>
${finalAnswer.expected ? html`<dt>Expected</dt><dd>${raw(renderMathText(finalAnswer.expected))}</dd>` : ''}
${parts}
</dl>`;
}

function renderBreakdown(
  breakdown: ScoreBreakdownView | null,
  score: number,
  maxScore: number,
  override: ReviewOverride | null,
): SafeHtml {
  const cells: [string, string][] = [];
  if (breakdown) {
    cells.push(
      ['Final answer', `${formatPoints(breakdown.answerPoints)} pts`],
      ['Steps', `${formatPoints(breakdown.stepPoints)} pts`],
    );
    if (breakdown.penalty > 0) cells.push(['Missing required steps', `−${formatPoints(breakdown.penalty)} pts`]);
  }
  cells.push([override ? 'Computed score' : 'Score', `${formatPoints(score)} / ${formatPoints(maxScore)}`]);
  if (override) cells.push(['Teacher override', `${formatPoints(override.score)} / ${formatPoints(maxScore)}`]);
  return html`<div class="breakdown">${cells.map(([key, value]) => html`<div class="cell"><div class="k">${key}</div><div class="v">${value}</div></div>`)}</div>`;
}

function renderOverrideNote(override: ReviewOverride | null): SafeHtml | '' {
  if (!override) return '';
  return html`<div class="override-note"><strong>Teacher override:</strong> ${formatPoints(override.score)} points — “${override.comment}”
<span class="meta">(${override.by}, ${override.at})</span></div>`;
}

function renderTrace(trace: string | null): SafeHtml | '' {
  if (!trace) return '';
  return html`<details class="trace"><summary>Model reasoning trace</summary><pre>${trace}</pre></details>`;
}

export function renderAnswerSection(answer: ReviewAnswer): SafeHtml {
  const graded = answer.graded;
  const shownScore = answer.override?.score ?? graded?.score;
  const scoreText =
    shownScore === undefined
      ? `${formatPoints(answer.points)} points`
      : `${formatPoints(shownScore)} / ${formatPoints(graded?.maxScore ?? answer.points)}`;
  const work = graded
    ? renderWorkGrid({
        steps: graded.steps,
        firstErrorStep: graded.firstErrorStep,
        reference: answer.referenceSteps,
        referenceAnswer: answer.referenceAnswer,
        skipped: graded.skippedReferenceSteps,
      })
    : renderSubmittedSteps(answer.submittedSteps);
  const firstError = graded?.firstErrorStep ?? null;
  const summary = graded
    ? html`<p class="meta">${firstError === null ? 'No incorrect step.' : `First error in step ${firstError + 1}.`}
 ${graded.steps.filter((step) => step.verdict === 'correct').length} of ${graded.steps.length} steps correct.</p>`
    : html`<p class="meta">Not graded yet.</p>`;
  return html`<section class="problem" id="problem-${answer.problemKey}" data-problem-key="${answer.problemKey}">
<div class="problem-head"><h2>Problem ${answer.problemKey}</h2><span class="problem-score">${scoreText}</span></div>
<div class="statement">${raw(renderMathText(answer.statement))}</div>
${summary}
${work}
${graded ? renderFinalAnswer(graded.finalAnswer) : ''}
${graded ? renderBreakdown(graded.breakdown, graded.score, graded.maxScore, answer.override) : ''}
${renderOverrideNote(answer.override)}
${graded?.feedback ? html`<p class="feedback">${graded.feedback}</p>` : ''}
${renderTrace(answer.trace)}
</section>`;
}
