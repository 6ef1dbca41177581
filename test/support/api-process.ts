import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../chaos/support/free-port.js';
import { serviceProcess } from '../chaos/support/service-process.js';
import { apiClient, type ApiClient } from './http-client.js';
import type { RunningStack } from './running-stack.js';
import { ADMIN_KEY, createTestEnv, type TestEnv } from './test-env.js';
import { waitFor } from './wait-for.js';

export interface ApiProcess {
  testEnv: TestEnv;
  baseUrl: string;
  admin: ApiClient;
  /** The parts of a RunningStack that createOrgWithKeys and review links use. */
  stack: RunningStack;
  /** Resident and peak resident memory of the API process, from /proc (Linux), in MiB. */
  memory(): { rssMiB: number; peakMiB: number };
  /** Stops the API and fails if it had exited on its own. */
  stop(): Promise<void>;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]) / 1024;
}

/**
 * The compiled API (`dist/apps/api/main.js`) as its own process on a fresh test database, as in
 * production: what a test measures (latency, memory) is the API's, not the test runner's.
 */
export async function startApiProcess(suite: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const testEnv = await createTestEnv(suite, env);
  const port = await freePort();
  const logDir = mkdtempSync(join(tmpdir(), `stepgrade-${suite}-`));
  const api = serviceProcess('api', 'api', { ...testEnv.env, PORT: String(port) }, logDir);
  api.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(
    'the API to listen',
    async () => {
      if (api.crashes.length > 0) throw new Error(api.crashes.join('\n'));
      return (await fetch(`${baseUrl}/health/live`).catch(() => null))?.ok ? true : undefined;
    },
    { hardTimeoutMs: 60_000 },
  );
  const admin = apiClient(baseUrl, ADMIN_KEY);
  return {
    testEnv,
    baseUrl,
    admin,
    stack: { admin, baseUrl } as RunningStack,
    memory() {
      const pid = api.pid();
      if (!pid) throw new Error('the API process is not running');
      return { rssMiB: statusField(pid, 'VmRSS'), peakMiB: statusField(pid, 'VmHWM') };
    },
    async stop() {
      await api.stop();
      await testEnv.dispose();
      rmSync(logDir, { recursive: true, force: true });
      if (api.crashes.length > 0) throw new Error(api.crashes.join('\n'));
    },
  };
}
