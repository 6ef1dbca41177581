import { Cluster, type ClusterNode, Redis, type RedisOptions } from 'ioredis';

const CLUSTER_SCHEMES = new Set(['redis+cluster:', 'rediss+cluster:']);

/** True for `redis+cluster://host:port[?nodes=host:port,host:port]` (TLS: `rediss+cluster://`). */
export function isClusterUrl(url: string): boolean {
  return CLUSTER_SCHEMES.has(new URL(url).protocol);
}

/** Seed nodes and shared options from a cluster URL; the cluster tells us the other nodes. */
function clusterFromUrl(url: string, options: RedisOptions): Cluster {
  const parsed = new URL(url);
  const seeds: ClusterNode[] = [{ host: parsed.hostname, port: Number(parsed.port || 6379) }];
  for (const node of (parsed.searchParams.get('nodes') ?? '').split(',').filter(Boolean)) {
    const [host, port] = node.trim().split(':');
    seeds.push({ host: host!, port: Number(port || 6379) });
  }
  const redisOptions: RedisOptions = {
    ...options,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss+cluster:' ? { tls: {} } : {}),
  };
  return new Cluster(seeds, {
    redisOptions,
    enableOfflineQueue: options.enableOfflineQueue ?? true,
    // Reconnect to the cluster for ever, like a single-node worker connection does.
    clusterRetryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
  });
}

/**
 * Producers give up quickly when Redis is down (Postgres is the outbox; the reconciler enqueues
 * later; callers also bound each enqueue with a timeout), while workers wait and retry forever as
 * BullMQ requires for blocking connections. The offline queue stays on for producers because
 * BullMQ sends its version check before the socket is connected.
 *
 * A `redis+cluster://` URL gives an ioredis Cluster instead. It is returned as `Redis` because every
 * caller uses the command surface both share (BullMQ, the rate limiter's single-key Lua script,
 * pub/sub for pool settings); each queue name carries a hash tag, so a queue's keys share a slot.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): Redis {
  const options: RedisOptions =
    role === 'producer'
      ? { maxRetriesPerRequest: 1, connectTimeout: 2_000 }
      : { maxRetriesPerRequest: null, enableOfflineQueue: true };
  if (isClusterUrl(url)) return clusterFromUrl(url, options) as unknown as Redis;
  return new Redis(url, options);
}
