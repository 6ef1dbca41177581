import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startApi } from '../apps/api/main.js';
import { loadConfig } from '../libs/config/index.js';
import { migrateDeploy } from './db/index.js';
import { preflight } from './preflight.js';

/**
 * `npm start`: checks Postgres and Redis, applies migrations, then runs the API in this process
 * and one worker process for WORKER_POOL. Stopping this process stops both.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const problems = await preflight(config.databaseUrl, config.redisUrl);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`stepgrade: ${problem}`);
    process.exit(1);
  }
  const { applied } = await migrateDeploy(config.databaseUrl);
  console.log(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');

  const workerEntry = fileURLToPath(new URL('../apps/worker/main.js', import.meta.url));
  const worker = fork(workerEntry, [], { stdio: 'inherit' });
  const api = await startApi(config);
  console.log(
    `StepGrade is up: API on http://localhost:${config.http.port} with a worker for pools ${config.pools.enabled.join(', ')}`,
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
