import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

export interface ServiceProcess {
  readonly name: string;
  pid(): number | undefined;
  start(): void;
  /** kill -9: no drain, no shutdown hooks, locks left to expire. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the graceful exit. */
  stop(): Promise<void>;
}

/**
 * One compiled StepGrade program (`dist/apps/<app>/main.js`) run as its own OS process, as in
 * production, with its output appended to a log file for post-mortems.
 */
export function serviceProcess(name: string, app: 'api' | 'worker', env: Record<string, string>, logDir: string): ServiceProcess {
  const entry = join(DIST, 'apps', app, 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  let child: ChildProcess | undefined;
  const exited = (process: ChildProcess) =>
    new Promise<void>((resolve) => (process.exitCode !== null || process.signalCode !== null ? resolve() : process.once('exit', () => resolve())));
  return {
    name,
    pid: () => child?.pid,
    start() {
      child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.pipe(log, { end: false });
      child.stderr!.pipe(log, { end: false });
    },
    async kill9() {
      if (!child) return;
      child.kill('SIGKILL');
      await exited(child);
      child = undefined;
    },
    async stop() {
      if (!child) return;
      child.kill('SIGTERM');
      await exited(child);
      child = undefined;
    },
  };
}
