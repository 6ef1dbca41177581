// Connection-string helpers: the migration tool only ever gets a URL, and needs the server's
// maintenance database to create or drop the target and shadow databases.

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/stepgrade';

/** DATABASE_URL from the environment, or the local default. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** The database named in the URL's path. */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL names no database: ${redactUrl(databaseUrl)}`);
  return name;
}

/** The same server and credentials, pointed at another database. */
export function withDatabaseName(databaseUrl: string, databaseName: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

/** The server's `postgres` database, used to create and drop others. */
export function maintenanceUrlOf(databaseUrl: string): string {
  return withDatabaseName(databaseUrl, 'postgres');
}

/** A database name as a quoted SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The URL without its password, for messages. */
export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}
