// The review pages' one stylesheet, served as a file (/review/assets/review.css) so the
// Content-Security-Policy needs no inline styles. Print rules make a page a clean handout.
export const REVIEW_CSS = `
:root {
  --ink: #101828; --muted: #475467; --faint: #98a2b3; --line: #e4e7ec; --paper: #ffffff; --canvas: #f5f7fa;
  --accent: #3538cd; --accent-soft: #eef4ff;
  --ok: #067647; --ok-soft: #ecfdf3; --bad: #b42318; --bad-soft: #fef3f2;
  --carried: #b54708; --carried-soft: #fffaeb; --unknown: #475467; --unknown-soft: #f2f4f7;
  --font: "Inter", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "WenQuanYi Micro Hei", sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--canvas); color: var(--ink); font: 16px/1.55 var(--font); }
a { color: var(--accent); }
.page { max-width: 1180px; margin: 0 auto; padding: 28px 28px 48px; }
.page-header { display: flex; gap: 24px; align-items: flex-start; justify-content: space-between;
  background: var(--paper); border: 1px solid var(--line); border-radius: 14px; padding: 22px 26px; margin-bottom: 22px; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 600; color: var(--accent); }
h1 { font-size: 26px; line-height: 1.25; margin: 4px 0 8px; }
h2 { font-size: 20px; margin: 0; }
h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 10px; }
.meta { color: var(--muted); margin: 0; font-size: 14px; }
.meta b { color: var(--ink); }
.score-card { text-align: center; min-width: 150px; border-radius: 12px; padding: 12px 18px; background: var(--accent-soft); }
.score-card .value { font-size: 34px; font-weight: 700; line-height: 1.1; }
.score-card .of { color: var(--muted); font-size: 15px; }
.score-card .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
.pill { display: inline-block; padding: 1px 10px; border-radius: 999px; font-size: 13px; font-weight: 600;
  background: var(--unknown-soft); color: var(--unknown); }
.pill.status-graded { background: var(--ok-soft); color: var(--ok); }
.pill.status-needs_review, .pill.status-queued, .pill.status-grading { background: var(--carried-soft); color: var(--carried); }
.pill.status-failed { background: var(--bad-soft); color: var(--bad); }
.notice { background: var(--ok-soft); color: var(--ok); border: 1px solid #abefc6; border-radius: 10px; padding: 10px 14px; margin-bottom: 18px; }
.notice.warn { background: var(--carried-soft); color: var(--carried); border-color: #fedf89; }
.problem { background: var(--paper); border: 1px solid var(--line); border-radius: 14px; padding: 22px 26px; margin-bottom: 22px; }
.problem-head { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; margin-bottom: 12px; }
.problem-score { font-weight: 700; font-size: 18px; white-space: nowrap; }
.statement { background: var(--canvas); border-left: 4px solid var(--accent); border-radius: 8px; padding: 12px 16px; margin-bottom: 18px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 14px; font-size: 13px; color: var(--muted); }
.work-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 18px; }
.work-grid.aligned { gap: 0 18px; }
.column-head { padding-bottom: 6px; }
.steps, .reference-steps { list-style: none; margin: 0; padding: 0; }
.step { display: grid; grid-template-columns: 34px minmax(0, 1fr); gap: 10px; padding: 10px 12px; margin-bottom: 8px;
  border: 1px solid var(--line); border-left: 5px solid var(--faint); border-radius: 10px; background: var(--paper); break-inside: avoid; }
.step-number { width: 28px; height: 28px; border-radius: 50%; display: grid; place-items: center; font-size: 13px; font-weight: 700;
  background: var(--unknown-soft); color: var(--muted); }
.step-text { overflow-x: auto; overflow-y: hidden; font-size: 17px; }
.step-text mark.step-span { background: var(--bad-soft); color: inherit; border-bottom: 2px solid var(--bad); border-radius: 3px; padding: 0 2px;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.step-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; margin-top: 6px; font-size: 13.5px; color: var(--muted); }
.step.verdict-correct { border-left-color: var(--ok); }
.step.verdict-incorrect { border-left-color: var(--bad); }
.step.verdict-carried_error { border-left-color: var(--carried); }
.step.verdict-unverified { border-left-color: var(--faint); border-left-style: dashed; }
.step[data-first-error] { background: var(--bad-soft); border-color: #fda29b; border-left-color: var(--bad); box-shadow: 0 0 0 3px #fee4e2; }
.step[data-first-error] .step-number { background: var(--bad); color: #fff; }
.first-error-flag { font-weight: 700; color: var(--bad); text-transform: uppercase; font-size: 11.5px; letter-spacing: .06em; }
.badge { display: inline-flex; align-items: center; gap: 4px; padding: 1px 9px; border-radius: 999px; font-size: 12.5px; font-weight: 600;
  border: 1px solid transparent; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge-correct { background: var(--ok-soft); color: var(--ok); border-color: #abefc6; }
.badge-incorrect, .badge-missing { background: var(--bad-soft); color: var(--bad); border-color: #fecdca; }
.badge-carried_error { background: var(--carried-soft); color: var(--carried); border-color: #fedf89; }
.badge-unverified { background: var(--unknown-soft); color: var(--unknown); border-color: var(--line); }
.method { font-size: 12px; border: 1px solid var(--line); border-radius: 6px; padding: 0 6px; color: var(--muted); }
.reason { color: var(--ink); }
.ref-step { padding: 10px 12px; margin-bottom: 8px; border: 1px dashed #c7d7fe; border-radius: 10px; background: var(--accent-soft); font-size: 16px; break-inside: avoid; }
.ref-step .ref-label { font-size: 12px; color: var(--accent); font-weight: 600; display: block; margin-bottom: 2px; }
.ref-step.skipped { border-color: var(--carried); background: var(--carried-soft); }
.ref-empty { min-height: 1px; }
.final-answer { display: grid; grid-template-columns: auto 1fr; gap: 6px 16px; align-items: baseline; margin-top: 14px; padding: 14px 16px;
  border-radius: 10px; border: 1px solid var(--line); background: var(--canvas); }
.final-answer[data-final-verdict="correct"] { border-color: #abefc6; background: var(--ok-soft); }
.final-answer[data-final-verdict="incorrect"], .final-answer[data-final-verdict="missing"] { border-color: #fecdca; background: var(--bad-soft); }
.final-answer dt { color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: .05em; }
.final-answer dd { margin: 0; }
.parts { display: inline-flex; gap: 6px; flex-wrap: wrap; }
.breakdown { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 14px; }
.breakdown .cell { border: 1px solid var(--line); border-radius: 10px; padding: 8px 14px; min-width: 130px; background: var(--paper); }
.breakdown .cell .k { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.breakdown .cell .v { font-size: 18px; font-weight: 700; }
.override-note { margin-top: 12px; border-left: 4px solid var(--accent); background: var(--accent-soft); padding: 10px 14px; border-radius: 8px; }
.feedback { margin-top: 12px; color: var(--muted); }
details.trace { margin-top: 14px; border: 1px solid var(--line); border-radius: 10px; padding: 8px 14px; }
details.trace summary { cursor: pointer; font-weight: 600; color: var(--muted); }
details.trace pre { white-space: pre-wrap; word-break: break-word; font-size: 13px; }
.override-form { background: var(--paper); border: 1px solid var(--line); border-radius: 14px; padding: 18px 26px; }
.override-form .fields { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; }
.override-form label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); gap: 4px; }
.override-form input, .override-form select, .override-form textarea { font: inherit; padding: 6px 10px; border: 1px solid #d0d5dd; border-radius: 8px; }
.override-form textarea { min-width: 320px; min-height: 38px; }
.override-form button { font: inherit; font-weight: 600; background: var(--accent); color: #fff; border: 0; border-radius: 8px; padding: 8px 16px; cursor: pointer; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-bottom: 22px; }
.stat { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: 12px 16px; }
.stat .k { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.stat .v { font-size: 26px; font-weight: 700; }
.histogram { display: grid; grid-template-columns: repeat(10, 1fr); gap: 6px; align-items: end; height: 170px; padding-top: 8px; }
.histogram .bar-wrap { display: flex; flex-direction: column; justify-content: flex-end; height: 100%; text-align: center; font-size: 12px; color: var(--muted); }
.histogram .bar { background: var(--accent); border-radius: 6px 6px 0 0; min-height: 2px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.histogram .count { font-weight: 700; color: var(--ink); }
${barHeights()}
table.rates { width: 100%; border-collapse: collapse; }
table.rates th, table.rates td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.rates th { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.meter { height: 8px; border-radius: 4px; background: var(--unknown-soft); overflow: hidden; width: 160px; }
.meter > span { display: block; height: 100%; background: var(--ok); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
${meterWidths()}
footer { color: var(--faint); font-size: 12.5px; text-align: center; margin-top: 28px; }
.katex { font-size: 1.08em; }
.tex-source { font: 14px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-all; }
.math-note { font-size: 12px; color: var(--muted); font-style: italic; }
.katex-display { margin: .35em 0; overflow-x: auto; overflow-y: hidden; }
@media (max-width: 760px) { .work-grid { grid-template-columns: 1fr; } .page-header { flex-direction: column; } }
@media print {
  body { background: #fff; font-size: 12pt; }
  .page { max-width: none; padding: 0; }
  .no-print { display: none !important; }
  .page-header, .problem { border: 0; padding: 0 0 12pt; }
  .problem { break-before: auto; }
  .step[data-first-error] { box-shadow: none; }
  a { color: inherit; text-decoration: none; }
}
`;

/** Bars and meters are sized by class (h-0 … h-100), never by inline style: the CSP allows none. */
function barHeights(): string {
  return Array.from({ length: 101 }, (_, percent) => `.h-${percent} { height: ${percent}%; }`).join('\n');
}

function meterWidths(): string {
  return Array.from({ length: 101 }, (_, percent) => `.w-${percent} { width: ${percent}%; }`).join('\n');
}
