// Writes a new migration with the SQL that brings prisma/migrations up to schema.prisma
// (Prisma's `migrate dev --create-only`, without touching the target database).
import { writeMigration } from './migrations-dir.js';
import type { PrismaPaths } from './project-paths.js';
import { diffMigrationsToSchema } from './schema-diff.js';

/** The new migration's directory name, or null when the schema needs no change. */
export async function createMigration(databaseUrl: string, name: string, paths: PrismaPaths): Promise<string | null> {
  const diff = await diffMigrationsToSchema(databaseUrl, paths);
  if (diff.empty) return null;
  return writeMigration(paths.migrationsDir, name, diff.sql);
}
