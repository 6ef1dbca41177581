import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDatabase } from '../../scripts/db/index.js';
import { exited } from './worker-process.js';
import { waitFor } from './wait-for.js';

const START_ENTRY = fileURLToPath(new URL('../../dist/scripts/start.js', import.meta.url));

/** `npm start` as a new user runs it: a fresh database, default settings, its own stdout. */
export interface StartedServer {
  baseUrl: string;
  /** The admin key printed on the first start. */
  adminKey: string;
  /** Everything start-up wrote to stdout and stderr so far. */
  output(): string;
  /** The settings a CLI run against this server needs (STEPGRADE_URL; add the key you want). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Runs the compiled `npm start` (node dist/scripts/start.js) on a database that does not exist yet
 * and a queue prefix of its own; only what a test machine must differ in is set (database name,
 * port, data dir, queue prefix): no admin key, log level, pool or model settings.
 */
export async function npmStart(suite: string, extraEnv: Record<string, string> = {}): Promise<StartedServer> {
  const base = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432';
  const databaseUrl = `${base}/stepgrade_test_${suite}`;
  await dropDatabase(databaseUrl);
  const port = await freePort();
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    STEPGRADE_QUEUE_PREFIX: `sgtest-${suite}-${process.pid}-${Date.now()}`,
    STEPGRADE_DATA_DIR: mkdtempSync(join(tmpdir(), `stepgrade-${suite}-`)),
    PORT: String(port),
    ...extraEnv,
  };
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(STEPGRADE_|LOG_LEVEL|WORKER_POOL|OPENAI_|GGUF_)/.test(name)),
  );
  const child: ChildProcess = spawn(process.execPath, [START_ENTRY], {
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  try {
    await waitFor(
      'npm start to say it is up',
      async () => {
        if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
        return /StepGrade is up/.test(output) ? true : undefined;
      },
      { hardTimeoutMs: 60_000, stallMs: 60_000 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const adminKey = /(sg_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43})/.exec(output)?.[1];
  if (!adminKey) {
    await stop();
    throw new Error(`npm start printed no admin key:\n${output}`);
  }
  const baseUrl = `http://localhost:${port}`;
  return { baseUrl, adminKey, output: () => output, env: { STEPGRADE_URL: baseUrl }, stop };
}
