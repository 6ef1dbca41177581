// Empties a development or test database: drops and recreates its public schema, migration history
// included. Refused in production.
import { withClient } from './admin-connection.js';

export async function resetDatabase(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.NODE_ENV === 'production') throw new Error('Refusing to reset a database with NODE_ENV=production');
  await withClient(databaseUrl, async (client) => {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE');
    await client.query('CREATE SCHEMA public');
  });
}
