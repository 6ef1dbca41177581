import type pg from 'pg';

/**
 * Runs the work in one transaction on one pooled connection: committed when it returns, rolled
 * back (and the error rethrown) when it throws. Repositories' row functions take the client.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A rollback that fails too (the connection died) must not hide the original error.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
