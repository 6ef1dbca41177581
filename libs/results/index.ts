// Public shapes of results (API.md), shared by the API's reads and the worker's webhooks.
export { presentBatch, presentSubmission, presentSubmissionAtVersion } from './submission-view.js';
