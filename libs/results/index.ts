// Public shapes of results (API.md), shared by the API's reads and the worker's webhooks.
export {
  type AnswerOverride,
  isStale,
  presentBatch,
  presentSubmission,
  presentSubmissionAtVersion,
  type SubmissionViewExtras,
} from './submission-view.js';
