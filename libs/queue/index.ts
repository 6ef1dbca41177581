export { POOL_QUEUES, QUEUE_POOL, QUEUES, type QueueKey, type QueueName } from './queue-names.js';
export {
  generateReferencePayload,
  type GenerateReferencePayload,
  gradeJobId,
  gradeSubmissionPayload,
  type GradeSubmissionPayload,
  JOB_NAMES,
  judgementJobId,
  judgeStepPayload,
  type JudgeStepPayload,
  reconcilePayload,
  deliverWebhookPayload,
  type DeliverWebhookPayload,
  webhookJobId,
  referenceJobId,
} from './job-payloads.js';
export {
  allowedPools,
  chooseModelPool,
  modelsUsable,
  type ModelPoolChoice,
  type ModelPoolState,
  type InferenceSetting,
} from './model-routing.js';
export { ModelQueueProducer } from './model-queue.producer.js';
export { DEFAULT_JOB_OPTIONS } from './job-options.js';
export { createRedisConnection, isClusterUrl } from './redis-connection.js';
export { GradeQueueProducer } from './grade-queue.producer.js';
export { WebhookQueueProducer } from './webhook-queue.producer.js';
export { QueueModule, REDIS_PRODUCER } from './queue.module.js';
export { poolSettingsChannel } from './pool-settings-channel.js';
export { PoolStatsReader, type PoolStats } from './pool-stats.reader.js';
export { WebhookOutboxRelay } from './webhook-outbox.relay.js';
