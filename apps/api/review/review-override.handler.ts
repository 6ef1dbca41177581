// The review page's override form hands its input to whatever owns overrides (the lead's
// OverrideService, apps/api/overrides): bound to this token when that lands. Until then the form
// is rendered and validated, and posting answers that overrides are not available.
export const REVIEW_OVERRIDE_HANDLER = Symbol('REVIEW_OVERRIDE_HANDLER');

export interface ReviewOverrideInput {
  submissionId: string;
  problemKey: string;
  score: number;
  comment: string;
  /** Who made the review link (an API key id), or 'review-link' when unknown. */
  by: string;
}

export interface StoredOverride {
  problemKey: string;
  score: number;
  comment: string;
  by: string;
  at: Date | string;
}

export interface ReviewOverrideHandler {
  apply(input: ReviewOverrideInput): Promise<unknown>;
  /** The overrides of a submission, shown on its page; optional until overrides are stored. */
  listForSubmission?(submissionId: string): Promise<StoredOverride[]>;
}
