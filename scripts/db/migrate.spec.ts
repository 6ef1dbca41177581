// Protects the WebAssembly migration path: deploy creates a database and applies prisma/migrations
// exactly once even when raced, and the drift check agrees with the committed schema.
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from '@jest/globals';
import { databaseUrlFromEnv, withDatabaseName } from './database-url.js';
import { dropDatabase, ensureDatabase } from './ensure-database.js';
import { migrateDeploy } from './migrate-deploy.js';
import { listMigrations } from './migrations-dir.js';
import { defaultPrismaPaths, prismaPathsFor } from './project-paths.js';
import { diffMigrationsToSchema } from './schema-diff.js';

const databaseUrl = withDatabaseName(databaseUrlFromEnv(), `stepgrade_test_migrate_${randomUUID().slice(0, 8)}`);

async function tableNames(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    return result.rows.map((row) => row.tablename);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await dropDatabase(databaseUrl);
});

describe('migrateDeploy', () => {
  it('creates the database and applies every migration once, even when two deploys race', async () => {
    const migrationNames = (await listMigrations(defaultPrismaPaths().migrationsDir)).migrationDirectories.map(
      (directory) => directory.path,
    );
    expect(migrationNames.length).toBeGreaterThan(0);

    const [first, second] = await Promise.all([migrateDeploy(databaseUrl), migrateDeploy(databaseUrl)]);

    expect([...first.applied, ...second.applied]).toEqual(migrationNames);
    expect(await tableNames(databaseUrl)).toEqual(expect.arrayContaining(['_prisma_migrations', 'submissions']));
  });

  it('applies nothing when the database is up to date', async () => {
    expect(await ensureDatabase(databaseUrl)).toBe(false);
    expect(await migrateDeploy(databaseUrl)).toEqual({ applied: [] });
  });
});

describe('diffMigrationsToSchema', () => {
  it('finds no drift between the committed migrations and schema.prisma', async () => {
    const diff = await diffMigrationsToSchema(databaseUrl, defaultPrismaPaths());
    expect(diff.empty).toBe(true);
  });

  it('reports the missing SQL when the schema gains a column', async () => {
    const copyDir = await mkdtemp(join(tmpdir(), 'stepgrade-prisma-'));
    try {
      await cp(join(defaultPrismaPaths().schemaPath, '..'), copyDir, { recursive: true });
      const schemaPath = join(copyDir, 'schema.prisma');
      const schema = await readFile(schemaPath, 'utf8');
      await writeFile(schemaPath, schema.replace('model PoolSetting {', 'model PoolSetting {\n  driftProbe String?'));

      const diff = await diffMigrationsToSchema(databaseUrl, prismaPathsFor(schemaPath));

      expect(diff.empty).toBe(false);
      expect(diff.sql).toContain('ADD COLUMN     "driftProbe" TEXT');
    } finally {
      await rm(copyDir, { recursive: true, force: true });
    }
  });
});
