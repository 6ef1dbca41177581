// Review pages and links, registered by ApiModule. REVIEW_OVERRIDE_HANDLER is bound by whoever
// owns overrides; without it the override form answers that overrides are unavailable.
import { AssignmentReviewLoader } from './assignment-review.loader.js';
import { ReviewAssetsController } from './review-assets.controller.js';
import { ReviewLinkService } from './review-link.service.js';
import { ReviewLinksController } from './review-links.controller.js';
import { ReviewPagesController } from './review-pages.controller.js';
import { ReviewRenderer } from './review-renderer.js';
import { ReviewThrottle } from './review-throttle.js';
import { SubmissionReviewLoader } from './submission-review.loader.js';

export const REVIEW_CONTROLLERS = [ReviewLinksController, ReviewPagesController, ReviewAssetsController];
export const REVIEW_PROVIDERS = [
  ReviewLinkService,
  SubmissionReviewLoader,
  AssignmentReviewLoader,
  ReviewRenderer,
  ReviewThrottle,
];
export {
  REVIEW_OVERRIDE_HANDLER,
  type ReviewOverrideHandler,
  type ReviewOverrideInput,
} from './review-override.handler.js';
