import { Redis, type RedisOptions } from 'ioredis';

/**
 * Producers fail fast when Redis is down (Postgres is the outbox; the reconciler enqueues later),
 * while workers wait and retry forever as BullMQ requires for blocking connections.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): Redis {
  const options: RedisOptions =
    role === 'producer'
      ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, lazyConnect: false }
      : { maxRetriesPerRequest: null, enableOfflineQueue: true };
  return new Redis(url, options);
}
