// Workaround for @prisma/adapter-pg 7.10.1's shadow-database support, which ignores the database
// name when the config holds a connection string (so its "shadow" is the main database) and drops
// the shadow before closing the pool that is still connected to it. Here the shadow is a temporary
// database of our own, dropped only after its pool has closed.
import { randomUUID } from 'node:crypto';
import { withClient } from './admin-connection.js';
import { maintenanceUrlOf, quoteIdentifier, withDatabaseName } from './database-url.js';

export interface ShadowDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createShadowDatabase(databaseUrl: string): Promise<ShadowDatabase> {
  const name = `stepgrade_shadow_${randomUUID().replaceAll('-', '')}`;
  const maintenanceUrl = maintenanceUrlOf(databaseUrl);
  await withClient(maintenanceUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  return {
    url: withDatabaseName(databaseUrl, name),
    drop: async () => {
      await withClient(maintenanceUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}
