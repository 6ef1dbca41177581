// Serializes concurrent deploys (several containers starting at once). The engine takes Prisma's own
// lock (72707369) on a pooled connection, so this uses a different key, held on a dedicated session
// that outlives the engine's pools.
import { withClient } from './admin-connection.js';

/** 'stepgrad' as a 64-bit key, distinct from Prisma's 72707369. */
const DEPLOY_LOCK_KEY = '8319385945106440548';

export async function withDeployLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  return withClient(databaseUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [DEPLOY_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [DEPLOY_LOCK_KEY]);
    }
  });
}
