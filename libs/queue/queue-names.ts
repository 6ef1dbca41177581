import type { PoolName } from '../config/index.js';

/**
 * Each queue name carries its own Redis Cluster hash tag ({…}), so every queue's keys live on one
 * shard and different queues can live on different shards.
 */
export const QUEUES = {
  grade: '{grade}',
  gpu: '{gpu}',
  edge: '{edge}',
  webhooks: '{webhooks}',
  maintenance: '{maintenance}',
} as const;

export type QueueKey = keyof typeof QUEUES;
export type QueueName = (typeof QUEUES)[QueueKey];

/**
 * Which queues each worker pool consumes (ARCHITECTURE.md, Processes). A worker refuses to start
 * when one of its queues has no handler.
 */
export const POOL_QUEUES: Record<PoolName, QueueKey[]> = {
  cpu: ['grade', 'webhooks'],
  gpu: ['gpu'],
  edge: ['edge'],
};

/** The pool whose concurrency setting governs a queue. */
export const QUEUE_POOL: Record<QueueKey, PoolName> = {
  grade: 'cpu',
  webhooks: 'cpu',
  maintenance: 'cpu',
  gpu: 'gpu',
  edge: 'edge',
};
