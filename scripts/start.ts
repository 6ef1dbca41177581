import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startApi } from '../apps/api/main.js';
import { loadConfig } from '../libs/config/index.js';
import { withClient } from './db/admin-connection.js';
import { databaseNameOf } from './db/database-url.js';
import { ensureDatabase, migrateDeploy } from './db/index.js';
import { preflight } from './preflight.js';

/**
 * `npm start`: checks Postgres and Redis, applies migrations, then runs the API in this process
 * and one worker process for WORKER_POOL. Stopping this process stops both.
 */
async function hasActiveAdminKey(databaseUrl: string): Promise<boolean> {
  return withClient(databaseUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL LIMIT 1");
    return (found.rowCount ?? 0) > 0;
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const problems = await preflight(config.databaseUrl, config.redisUrl);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`stepgrade: ${problem}`);
    process.exit(1);
  }
  const created = await ensureDatabase(config.databaseUrl);
  const { applied } = await migrateDeploy(config.databaseUrl);
  const database = `database ${databaseNameOf(config.databaseUrl)} (${
    created ? 'created' : applied.length > 0 ? 'migrated' : 'up to date'
  }${applied.length > 0 ? `, ${applied.length} migration(s) applied` : ''})`;

  // Read before the API starts: the API creates (and prints) the first admin key when none exists.
  const createsAdminKey = !config.bootstrapAdminKey && !(await hasActiveAdminKey(config.databaseUrl));

  const workerEntry = fileURLToPath(new URL('../apps/worker/main.js', import.meta.url));
  const worker = fork(workerEntry, [], { stdio: 'inherit' });
  const workerReady = new Promise<void>((resolve) => worker.once('message', () => resolve()));
  const api = await startApi(config, { announce: false });
  // One line at start-up (the admin key, on a first start, is printed above it by the API).
  await Promise.race([workerReady, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
  console.log(
    `StepGrade is up: ${database}${createsAdminKey ? '; admin API key created (printed above, shown once)' : ''}; API on http://localhost:${config.http.port}; worker pools ${config.pools.enabled.join(', ')}; LOG_LEVEL=${config.logLevel}`,
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    worker.kill(signal);
    await api.close();
  };
  worker.on('exit', (code) => {
    if (!stopping) {
      console.error(`stepgrade: the worker exited (code ${code}); stopping`);
      void stop('SIGTERM').then(() => process.exit(1));
    }
  });
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
