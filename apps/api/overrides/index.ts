// Overrides, registered by ApiModule; OverrideService also serves the review pages' override form.
import { RESULTS_PROVIDERS } from '../../../libs/results/index.js';
import { REVIEW_OVERRIDE_HANDLER } from '../review/review-override.handler.js';
import { OverrideService } from './override.service.js';
import { OverridesController } from './overrides.controller.js';
import { SubmissionViewService } from './submission-view.service.js';

export const OVERRIDE_CONTROLLERS = [OverridesController];
export const OVERRIDE_PROVIDERS = [
  ...RESULTS_PROVIDERS,
  OverrideService,
  SubmissionViewService,
  { provide: REVIEW_OVERRIDE_HANDLER, useExisting: OverrideService },
];
export { OverrideService, SubmissionViewService };
