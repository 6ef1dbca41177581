// Command line for database migrations: deploy (default), create --name X, drift, reset, resolve.
// Run as `node dist/scripts/db/migrate.js <command>`; see scripts/db/README.md.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMigration } from './create-migration.js';
import { databaseUrlFromEnv, redactUrl } from './database-url.js';
import { migrateDeploy } from './migrate-deploy.js';
import { defaultPrismaPaths, prismaPathsFor } from './project-paths.js';
import { resetDatabase } from './reset-database.js';
import { markRolledBack } from './resolve-migration.js';
import { diffMigrationsToSchema } from './schema-diff.js';

const USAGE =
  'usage: migrate.js [deploy | create --name <name> | drift | reset | resolve --rolled-back <migration>] [--schema prisma/schema.prisma]\n' +
  '(DATABASE_URL from the environment; migrations are read from the migrations folder beside the schema)';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      schema: { type: 'string' },
      'rolled-back': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const command = positionals[0] ?? 'deploy';
  const databaseUrl = databaseUrlFromEnv();
  const paths = values.schema ? prismaPathsFor(values.schema) : defaultPrismaPaths();
  switch (command) {
    case 'deploy': {
      const { applied } = await migrateDeploy(databaseUrl, paths);
      if (applied.length === 0) console.log(`${redactUrl(databaseUrl)}: up to date, no migration applied`);
      for (const name of applied) console.log(`applied ${name}`);
      return 0;
    }
    case 'create': {
      if (!values.name) throw new Error(`create needs --name <name>\n${USAGE}`);
      const created = await createMigration(databaseUrl, values.name, paths);
      console.log(created ? `created ${join(paths.migrationsDir, created, 'migration.sql')}` : 'no changes');
      return 0;
    }
    case 'drift': {
      const diff = await diffMigrationsToSchema(databaseUrl, paths);
      if (diff.empty) {
        console.log('no drift: prisma/migrations matches prisma/schema.prisma');
        return 0;
      }
      console.error('drift: prisma/schema.prisma differs from prisma/migrations. Missing migration SQL:\n');
      console.error(diff.sql);
      console.error('\nAdd a migration with: npm run db:migration -- --name <name>');
      return 1;
    }
    case 'reset': {
      await resetDatabase(databaseUrl);
      console.log(`${redactUrl(databaseUrl)}: schema public dropped and recreated`);
      return 0;
    }
    case 'resolve': {
      const migrationName = values['rolled-back'];
      if (!migrationName) throw new Error(`resolve needs --rolled-back <migration>\n${USAGE}`);
      await markRolledBack(databaseUrl, migrationName, paths);
      console.log(`${migrationName} marked as rolled back; the next deploy applies it again`);
      return 0;
    }
    default:
      throw new Error(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
