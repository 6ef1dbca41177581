export { POOL_QUEUES, QUEUE_POOL, QUEUES, type QueueKey, type QueueName } from './queue-names.js';
export { gradeJobId, gradeSubmissionPayload, type GradeSubmissionPayload, JOB_NAMES, reconcilePayload } from './job-payloads.js';
export { DEFAULT_JOB_OPTIONS } from './job-options.js';
export { createRedisConnection } from './redis-connection.js';
export { GradeQueueProducer } from './grade-queue.producer.js';
export { QueueModule, REDIS_PRODUCER } from './queue.module.js';
