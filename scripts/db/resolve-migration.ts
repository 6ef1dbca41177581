// Marks a failed migration as rolled back (Prisma's `migrate resolve --rolled-back`), after a person
// has repaired the database by hand, so the next deploy retries it.
import { migrateDeployPrerequisites } from './migrate-deploy.js';
import type { PrismaPaths } from './project-paths.js';
import { withEngine } from './wasm-engine.js';

export async function markRolledBack(databaseUrl: string, migrationName: string, paths: PrismaPaths): Promise<void> {
  const { schemaFiles } = await migrateDeployPrerequisites(paths);
  await withEngine(databaseUrl, schemaFiles, (engine) => engine.markMigrationRolledBack({ migrationName }));
}
