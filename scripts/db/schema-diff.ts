// The SQL that takes a database built from prisma/migrations to what schema.prisma describes. The
// engine replays the migrations into a temporary shadow database to find out; the target database
// itself is never touched, nor needs to exist (only its server does).
import { maintenanceUrlOf } from './database-url.js';
import { listMigrations } from './migrations-dir.js';
import { readSchemaFiles, type PrismaPaths } from './project-paths.js';
import { withEngine } from './wasm-engine.js';

export interface SchemaDiff {
  /** True when the migrations already produce the schema. */
  empty: boolean;
  /** The migration script that closes the gap (the engine's comment-only script when empty). */
  sql: string;
}

/** The engine's diff exit code for "differences found". */
const DIFF_FOUND = 2;

export async function diffMigrationsToSchema(databaseUrl: string, paths: PrismaPaths): Promise<SchemaDiff> {
  const migrationsList = await listMigrations(paths.migrationsDir);
  const schemaFiles = await readSchemaFiles(paths.schemaPath);
  return withEngine(maintenanceUrlOf(databaseUrl), schemaFiles, async (engine) => {
    const result = await engine.diff({
      // With no migrations yet there is no lockfile either, and the engine needs one to replay them.
      from:
        migrationsList.migrationDirectories.length === 0 ? { tag: 'empty' } : { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: schemaFiles },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return { empty: result.exitCode !== DIFF_FOUND, sql: result.stdout ?? '' };
  });
}
