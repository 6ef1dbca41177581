// Short-lived plain pg connections for the few statements the engine does not run itself:
// creating and dropping databases, advisory locks.
import pg from 'pg';

/** Runs `work` with a connected client and always closes it. */
export async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Postgres error codes a racing CREATE DATABASE can raise when another process won. */
const DATABASE_ALREADY_CREATED = new Set(['42P04', '23505']);

export function isDatabaseAlreadyCreated(error: unknown): boolean {
  return DATABASE_ALREADY_CREATED.has((error as { code?: string }).code ?? '');
}
