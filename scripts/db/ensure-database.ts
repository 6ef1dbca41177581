// Creates the target database when it is missing, through the server's maintenance database.
import { isDatabaseAlreadyCreated, withClient } from './admin-connection.js';
import { databaseNameOf, maintenanceUrlOf, quoteIdentifier } from './database-url.js';

/** Creates the database named in `databaseUrl` if it does not exist; true when it created it. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const databaseName = databaseNameOf(databaseUrl);
  return withClient(maintenanceUrlOf(databaseUrl), async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName]);
    if (existing.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`);
      return true;
    } catch (error) {
      // Another process created it between our check and our CREATE: that is the outcome we wanted.
      if (isDatabaseAlreadyCreated(error)) return false;
      throw error;
    }
  });
}

/** Drops the database named in `databaseUrl`, closing other sessions on it (tests, reset tools). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const databaseName = databaseNameOf(databaseUrl);
  await withClient(maintenanceUrlOf(databaseUrl), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`),
  );
}
