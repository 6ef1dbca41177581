// Public shapes of results (API.md), shared by the API's reads and the worker's webhooks.
export {
  type AnswerOverride,
  isStale,
  presentBatch,
  presentSubmission,
  presentSubmissionAtVersion,
  type SubmissionViewExtras,
} from './submission-view.js';
export { type GradedResult, ResultsService, type SaveOutcome } from './results.service.js';
export { dedupeKeyOf, eventTypeFor, type OutboxEvent, outboxRowsFor } from './outbox-events.js';
export { RESULTS_PROVIDERS } from './results.providers.js';
export { allAnswersSettled, applyOverrides } from './override-merge.js';
export { overriddenVersion, ungradedAnswer } from './override-version.js';
