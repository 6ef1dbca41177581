import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDeploy } from '../../../scripts/db/index.js';
import { startReceiver, type Receiver } from '../../integrations.receiver.js';
import { apiClient, type ApiClient } from '../../support/http-client.js';
import { freePort } from './free-port.js';
import { createPrivatePostgres, type PrivatePostgres } from './private-postgres.js';
import { createPrivateRedis, type PrivateRedis } from './private-redis.js';
import { serviceProcess, type ServiceProcess } from './service-process.js';

const ADMIN_KEY = 'sg_chaosadm_' + 'd'.repeat(43);

export interface ChaosStack {
  dir: string;
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  api: ServiceProcess;
  /** Workers by name; `startWorker` adds more. */
  workers: Map<string, ServiceProcess>;
  baseUrl: string;
  admin: ApiClient;
  receiver: Receiver;
  /** A connection pool on the private database, for checking the record directly. */
  db: pg.Pool;
  startWorker(name: string): ServiceProcess;
  /** Crash reports of processes that exited by themselves (not cleared). */
  crashed(): string[];
  waitForApi(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Private Postgres + Redis on spare ports, the compiled API and one cpu worker as child processes
 * pointing at them, and a local webhook receiver. Recovery settings are short so faults heal in
 * seconds, not the production half-minute.
 */
export async function startChaosStack(): Promise<ChaosStack> {
  const dir = mkdtempSync(join(tmpdir(), 'stepgrade-chaos-'));
  const postgres = createPrivatePostgres(dir, await freePort());
  postgres.start();
  await postgres.waitReady();
  const redis = createPrivateRedis(dir, await freePort());
  await redis.start();
  const databaseUrl = `${postgres.baseUrl}/stepgrade_chaos`;
  await migrateDeploy(databaseUrl);
  const apiPort = await freePort();
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    STEPGRADE_QUEUE_PREFIX: 'chaos',
    STEPGRADE_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    STEPGRADE_SECRET_KEY: 'chaos-secret-key-0123456789abcdefghijklmnopqrstuvwxyz',
    STEPGRADE_DATA_DIR: join(dir, 'data'),
    STEPGRADE_RATE_LIMIT: '0',
    STEPGRADE_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    STEPGRADE_WEBHOOK_TIMEOUT_S: '5',
    STEPGRADE_RECONCILE_AFTER_S: '10',
    STEPGRADE_RECONCILE_EVERY_S: '1',
    STEPGRADE_JOB_LOCK_S: '4',
    STEPGRADE_SHUTDOWN_GRACE_S: '5',
    CPU_CONCURRENCY: '4',
    WORKER_POOL: 'cpu',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const api = serviceProcess('api', 'api', env, dir);
  const workers = new Map<string, ServiceProcess>();
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const receiver = await startReceiver();
  const db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  // The test reads the record across Postgres restarts: a dropped idle client must not crash it.
  db.on('error', () => undefined);
  const stack: ChaosStack = {
    dir,
    postgres,
    redis,
    api,
    workers,
    baseUrl,
    admin: apiClient(baseUrl, ADMIN_KEY),
    receiver,
    db,
    startWorker(name) {
      const worker = workers.get(name) ?? serviceProcess(name, 'worker', env, dir);
      workers.set(name, worker);
      worker.start();
      return worker;
    },
    crashed: () => [api, ...workers.values()].flatMap((service) => service.crashes),
    async waitForApi(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`API not ready within ${timeoutMs} ms (log: ${dir}/api.log)`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async stop() {
      await Promise.all([...workers.values()].map((worker) => worker.kill9()));
      await api.kill9();
      await db.end().catch(() => undefined);
      await receiver.close();
      await redis.kill();
      postgres.destroy();
      if (!process.env.STEPGRADE_CHAOS_KEEP) rmSync(dir, { recursive: true, force: true });
    },
  };
  api.start();
  stack.startWorker('worker-a');
  await stack.waitForApi();
  return stack;
}
