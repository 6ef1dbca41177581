import { Redis, type RedisOptions } from 'ioredis';

/**
 * Producers give up quickly when Redis is down (Postgres is the outbox; the reconciler enqueues
 * later; callers also bound each enqueue with a timeout), while workers wait and retry forever as
 * BullMQ requires for blocking connections. The offline queue stays on for producers because
 * BullMQ sends its version check before the socket is connected.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): Redis {
  const options: RedisOptions =
    role === 'producer'
      ? { maxRetriesPerRequest: 1, connectTimeout: 2_000 }
      : { maxRetriesPerRequest: null, enableOfflineQueue: true };
  return new Redis(url, options);
}
