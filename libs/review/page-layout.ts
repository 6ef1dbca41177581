import { html, type SafeHtml } from './escape-html.js';

// The HTML shell of every review page. Stylesheets are files served by the API (relative to
// /review/<kind>/<id>), so the page has no inline script or style; a meta refresh (not JavaScript)
// keeps a page live while grading runs.

export interface PageOptions {
  title: string;
  body: SafeHtml;
  refreshSeconds?: number | null;
}

export function renderPage(options: PageOptions): string {
  const refresh = options.refreshSeconds ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}">` : '';
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${refresh}
<title>${options.title}</title>
<link rel="stylesheet" href="../assets/katex/katex.min.css">
<link rel="stylesheet" href="../assets/review.css">
</head>
<body>
<div class="page">
${options.body}
<footer>StepGrade review · proof beats opinion: every verdict says how it was checked</footer>
</div>
</body>
</html>
`.html;
}

/** A short page that only says something (an error, a refusal): no detail about what exists. */
export function renderMessagePage(title: string, message: string): string {
  return renderPage({
    title,
    body: html`<header class="page-header"><div><div class="eyebrow">StepGrade · Review</div>
<h1>${title}</h1><p class="meta">${message}</p></div></header>`,
  });
}

/** The page for a wrong, expired or foreign link. */
export function renderNotFoundPage(): string {
  return renderMessagePage(
    'This review link is not valid',
    'It may have expired or been copied incompletely. Ask for a new link.',
  );
}
