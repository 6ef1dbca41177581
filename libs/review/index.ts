// Public surface of the review pages: pure HTML rendering (no Nest, no I/O). Every string from
// storage is escaped; math is typeset on the server by KaTeX with trust off.
export { renderAssignmentPage } from './assignment-page.js';
export { contentSecurityPolicy, reviewPageHeaders } from './content-security.js';
export { escapeHtml } from './escape-html.js';
export { katexStylesheet } from './katex-stylesheet.js';
export { DEFAULT_MATH_LIMITS, type MathLimits, TEXT_ONLY_LIMITS } from './math-budget.js';
export {
  type AssignmentPageData,
  renderAssignment,
  type RenderedPage,
  renderSubmission,
} from './page-render.handlers.js';
export { renderMessagePage, renderNotFoundPage } from './page-layout.js';
export { renderMathText } from './render-math.js';
export { REVIEW_CSS } from './review-css.js';
export type * from './review.types.js';
export { readFinalAnswer, readReferenceSteps, readSteps, readTrace } from './stored-answer.js';
export { renderSubmissionPage } from './submission-page.js';
