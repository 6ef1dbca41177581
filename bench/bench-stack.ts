import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase, migrateDeploy } from '../scripts/db/index.js';

export const BENCH_ADMIN_KEY = 'sg_benchadm_' + 'c'.repeat(43);

export interface BenchStack {
  baseUrl: string;
  /** The API process, for its memory figures. */
  pid: number;
  databaseUrl: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('API did not become ready within 30 s');
}

/** Runs the compiled API as its own process (as in production) on a fresh bench database. */
export async function startBenchApi(
  name: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<BenchStack> {
  const databaseUrl = `postgresql://postgres@127.0.0.1:5432/stepgrade_bench_${name}`;
  await dropDatabase(databaseUrl);
  await migrateDeploy(databaseUrl);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: 'redis://127.0.0.1:6379',
    STEPGRADE_QUEUE_PREFIX: `sgbench-${name}-${Date.now()}`,
    STEPGRADE_BOOTSTRAP_ADMIN_KEY: BENCH_ADMIN_KEY,
    STEPGRADE_SECRET_KEY: 'bench-secret-key-0123456789abcdefghijklmnopqrstuvwxyz',
    STEPGRADE_DATA_DIR: mkdtempSync(join(tmpdir(), 'stepgrade-bench-')),
    STEPGRADE_RATE_LIMIT: '0',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  // The compiled API, whether this module runs compiled (dist/bench) or from source under Jest.
  const root = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../' : '../', import.meta.url));
  const entry = join(root, 'dist', 'apps', 'api', 'main.js');
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child);
  return {
    baseUrl,
    pid: child.pid!,
    databaseUrl,
    env,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await dropDatabase(databaseUrl);
    },
  };
}

export async function post(baseUrl: string, path: string, key: string, body: unknown): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
}
