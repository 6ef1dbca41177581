import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, loadConfig } from '../../libs/config/index.js';
import { dropDatabase, migrateDeploy } from '../../scripts/db/index.js';

export const ADMIN_KEY = 'sg_testadmn_' + 'a'.repeat(43);

export interface TestEnv {
  config: AppConfig;
  /** The same settings as environment variables, for child processes (CLI, worker). */
  env: Record<string, string>;
  databaseUrl: string;
  dispose(): Promise<void>;
}

/**
 * Each suite gets its own database and queue prefix on the real Postgres and Redis, so suites
 * never see each other's rows or jobs.
 */
export async function createTestEnv(suite: string, overrides: Record<string, string> = {}): Promise<TestEnv> {
  const safeSuite = suite.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const base = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  const databaseUrl = `${base}/stepgrade_test_${safeSuite}`;
  await dropDatabase(databaseUrl);
  await migrateDeploy(databaseUrl);
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    STEPGRADE_QUEUE_PREFIX: `sgtest-${safeSuite}-${process.pid}-${Date.now()}`,
    STEPGRADE_BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
    STEPGRADE_SECRET_KEY: 'test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz',
    STEPGRADE_DATA_DIR: mkdtempSync(join(tmpdir(), `stepgrade-${safeSuite}-`)),
    STEPGRADE_RATE_LIMIT: '0',
    STEPGRADE_AUTH_FAILURE_LIMIT: '0',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...overrides,
  };
  return {
    config: loadConfig(env),
    env,
    databaseUrl,
    dispose: async () => undefined,
  };
}
