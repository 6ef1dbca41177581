import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

export interface ServiceProcess {
  readonly name: string;
  pid(): number | undefined;
  start(): void;
  /** Exits nobody asked for (crashes), with their exit code or signal. */
  readonly crashes: string[];
  /** kill -9: no drain, no shutdown hooks, locks left to expire. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the graceful exit. */
  stop(): Promise<void>;
}

/**
 * One compiled StepGrade program (`dist/apps/<app>/main.js`) run as its own OS process, as in
 * production, with its output appended to a log file for post-mortems.
 */
export function serviceProcess(
  name: string,
  app: 'api' | 'worker',
  env: Record<string, string>,
  logDir: string,
): ServiceProcess {
  const entry = join(DIST, 'apps', app, 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  let child: ChildProcess | undefined;
  const crashes: string[] = [];
  // The end of the output, so a crash report says why without keeping the log directory.
  let tail = '';
  const exited = (process: ChildProcess) =>
    new Promise<void>((resolve) =>
      process.exitCode !== null || process.signalCode !== null ? resolve() : process.once('exit', () => resolve()),
    );
  return {
    name,
    pid: () => child?.pid,
    crashes,
    start() {
      if (child) return;
      child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.pipe(log, { end: false });
      child.stderr!.pipe(log, { end: false });
      child.stderr!.on('data', (chunk: Buffer) => {
        tail = (tail + chunk.toString('utf8')).slice(-3_000);
      });
      const started = child;
      started.once('exit', (code, signal) => {
        if (child === started) {
          crashes.push(`${name} exited by itself (code ${code}, signal ${signal}); its last output:\n${tail}`);
          child = undefined;
        }
      });
    },
    async kill9() {
      const running = child;
      if (!running) return;
      child = undefined;
      running.kill('SIGKILL');
      await exited(running);
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = undefined;
      running.kill('SIGTERM');
      await exited(running);
    },
  };
}
