// Applies pending migrations to a database, creating it first if needed (Prisma's `migrate deploy`).
import { withDeployLock } from './advisory-lock.js';
import { ensureDatabase } from './ensure-database.js';
import { listMigrations } from './migrations-dir.js';
import { defaultPrismaPaths, readSchemaFiles, type PrismaPaths } from './project-paths.js';
import { withEngine } from './wasm-engine.js';

export interface DeployResult {
  /** Migration directory names applied by this call, oldest first; empty when up to date. */
  applied: string[];
}

/** What the engine needs read from disk before it touches a database. */
export async function migrateDeployPrerequisites(paths: PrismaPaths) {
  return {
    migrationsList: await listMigrations(paths.migrationsDir),
    schemaFiles: await readSchemaFiles(paths.schemaPath),
  };
}

export async function migrateDeploy(
  databaseUrl: string,
  paths: PrismaPaths = defaultPrismaPaths(),
): Promise<DeployResult> {
  await ensureDatabase(databaseUrl);
  const { migrationsList, schemaFiles } = await migrateDeployPrerequisites(paths);
  return withDeployLock(databaseUrl, () =>
    withEngine(databaseUrl, schemaFiles, async (engine) => {
      const output = await engine.applyMigrations({
        migrationsList,
        filters: { externalTables: [], externalEnums: [] },
      });
      return { applied: output.appliedMigrationNames };
    }),
  );
}
