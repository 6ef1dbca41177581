// The review pages as a handlers module for a worker-thread pool (libs/cas-sandbox thread-pool):
// the API renders pages off its event loop, so a page heavy with math never delays other requests.
// The page's headers are computed here too (its CSP hashes every style attribute: megabytes of
// regex and SHA-256 on a heavy page). Arguments are plain data (structured-cloned), so the
// assignment page gets its links as a map.
import { renderAssignmentPage } from './assignment-page.js';
import { reviewPageHeaders } from './content-security.js';
import type { MathLimits } from './math-budget.js';
import type { AssignmentReview, SubmissionReview } from './review.types.js';
import { renderSubmissionPage } from './submission-page.js';

export type AssignmentPageData = Omit<AssignmentReview, 'submissionLink'> & { links: Record<string, string> };

export interface RenderedPage {
  page: string;
  headers: Record<string, string>;
}

const rendered = (page: string): RenderedPage => ({ page, headers: reviewPageHeaders(page) });

export function renderSubmission(review: SubmissionReview, limits?: MathLimits): RenderedPage {
  return rendered(renderSubmissionPage(review, limits));
}

export function renderAssignment(data: AssignmentPageData, limits?: MathLimits): RenderedPage {
  const { links, ...review } = data;
  return rendered(renderAssignmentPage({ ...review, submissionLink: (id) => links[id] ?? '#' }, limits));
}
