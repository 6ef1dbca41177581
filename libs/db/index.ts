export { type Database, type Db, openDatabase } from './database.js';
export { isId, newId } from './ids.js';
export { type Page, type PageRequest, toPage } from './pagination.js';
export { OrgRepository, type OrgRow } from './repositories/org.repository.js';
export { ApiKeyRepository, type ApiKeyRole, type ApiKeyRow } from './repositories/api-key.repository.js';
export {
  AssignmentRepository,
  type AssignmentRow,
  DuplicateExternalIdError,
  type ProblemInput,
  type ProblemRow,
} from './repositories/assignment.repository.js';
export { type InsertOutcome, type NewSubmission } from './repositories/submission-insert.js';
export {
  type BatchProgress,
  SubmissionRepository,
  type SubmissionRow,
  type SubmissionStatus,
  REFERENCE_REVIEW_REASON,
  WAITING_FOR_JUDGEMENT,
  WAITING_FOR_REFERENCE,
} from './repositories/submission.repository.js';
export {
  type ProblemForReference,
  ReferenceRepository,
  type ReferenceRow,
  type ReferenceStatus,
} from './repositories/reference.repository.js';
export { ReferenceWaitRepository } from './repositories/reference-wait.repository.js';
export { JudgementRepository, type JudgementRow, type NewJudgement } from './repositories/judgement.repository.js';
export {
  type AssignmentForGradingRow,
  type ClaimedSubmissionRow,
  GradingInputRepository,
  type OverrideRow,
  type ProblemForGradingRow,
} from './repositories/grading-input.repository.js';
export {
  type AnswerRow,
  type OutboxRow,
  type ResultRow,
  ResultRowsRepository,
  type SettledRow,
  type SubmissionStateRow,
  type TxClient,
} from './repositories/result-rows.repository.js';
export {
  ResultReadRepository,
  type StoredAnswerResult,
  type StoredResult,
} from './repositories/result-read.repository.js';
export { ResultsTableRepository, type StudentResultRow } from './repositories/results-table.repository.js';
export {
  type IntegrationPatch,
  IntegrationRepository,
  type IntegrationRow,
  type NewIntegration,
} from './repositories/integration.repository.js';
export {
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  WebhookOutboxNotifier,
} from './repositories/webhook-event-outbox.js';
export {
  type AttemptRecord,
  type DeliveryStatus,
  WebhookEventRepository,
  type WebhookEventRow,
} from './repositories/webhook-event.repository.js';
export {
  InboundEventRepository,
  type InboundClaimOutcome,
  type InboundEventClaim,
  type InboundSubmission,
} from './repositories/inbound-event.repository.js';
export { BatchUploadRepository, BatchUploadSession } from './repositories/batch-upload.repository.js';
export { PoolSettingRepository, type PoolSettingRow } from './repositories/pool-setting.repository.js';
export {
  type LockedSubmissionRow,
  type OverrideInput,
  OverrideRepository,
  type OverrideValue,
} from './repositories/override.repository.js';
export { RegradeRepository, type RegradeTicket, type ResultVersion } from './repositories/regrade.repository.js';
export {
  type AssignmentEdit,
  AssignmentEditRepository,
  type ProblemEdit,
} from './repositories/regrade-assignment-edit.repository.js';
export { type AnalyticsAnswerRow, AnalyticsRepository } from './repositories/analytics.repository.js';
export { DbModule, DATABASE } from './db.module.js';
