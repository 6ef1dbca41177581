import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';

export type Db = InstanceType<typeof PrismaClient>;

/**
 * One pg pool per process, shared by Prisma (through the driver adapter) and by the few bulk
 * statements that write thousands of rows in one round trip.
 */
export interface Database {
  prisma: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  max?: number;
  /** Told when an idle pooled connection dies (a Postgres restart); the pool replaces it. */
  onIdleError: (error: Error) => void;
}

export function openDatabase(databaseUrl: string, options: OpenDatabaseOptions): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // Without a listener an idle client's error would crash the process; the next query reports the
  // outage to its caller instead.
  pool.on('error', options.onIdleError);
  // A client checked out but between queries (the reconciler's advisory-lock client) also gets the
  // server's "terminating connection" on a Postgres restart; unheard, that error kills the process.
  pool.on('connect', (client) => client.on('error', options.onIdleError));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch((error: Error) => {
        if (!/more than once/.test(error.message)) throw error;
      });
    },
  };
}
