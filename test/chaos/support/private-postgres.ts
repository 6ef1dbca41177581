import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** Where Debian and the image put the server binaries (initdb, pg_ctl, postgres). */
function findPostgresBin(): string {
  const candidates = [process.env.PG_BIN, '/usr/local/bin'];
  const versioned = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : [];
  candidates.push(...versioned.map((version) => `/usr/lib/postgresql/${version}/bin`));
  const found = candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error('no Postgres server binaries (initdb, pg_ctl) found; set PG_BIN');
  return found;
}

/** initdb refuses to run as root: run the server tools as the postgres account when we are root. */
function asServerUser(command: string, args: string[]): string[] {
  if (process.getuid?.() !== 0) return [command, ...args];
  return ['runuser', '-u', 'postgres', '--', command, ...args];
}

function run(command: string, args: string[]): void {
  const [program, ...rest] = asServerUser(command, args);
  const result = spawnSync(program!, rest, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

export interface PrivatePostgres {
  port: number;
  /** Base URL without a database name. */
  baseUrl: string;
  start(): void;
  /** Fast shutdown (what a failover or a restart for maintenance does): connections are cut. */
  stop(): void;
  waitReady(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/**
 * A throwaway Postgres cluster on a spare port, started from the installed binaries, so faults
 * injected into it never touch the shared server other suites use.
 */
export function createPrivatePostgres(rootDir: string, port: number): PrivatePostgres {
  const bin = findPostgresBin();
  const dataDir = join(rootDir, 'pgdata');
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(rootDir, uid, gid);
    chownSync(dataDir, uid, gid);
  }
  run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // Durability settings off: the suite tests restarts, not power loss, and must stay fast on 2 cores.
  const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dataDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const pgCtl = (action: string, extra: string[] = []) =>
    run(join(bin, 'pg_ctl'), [action, '-D', dataDir, '-w', '-t', '60', ...extra]);
  const baseUrl = `postgresql://postgres@127.0.0.1:${port}`;
  return {
    port,
    baseUrl,
    start: () => pgCtl('start', ['-o', options, '-l', join(dataDir, 'server.log')]),
    stop: () => pgCtl('stop', ['-m', 'fast']),
    async waitReady(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
        try {
          await client.connect();
          await client.query('SELECT 1');
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        } finally {
          await client.end().catch(() => undefined);
        }
      }
    },
    destroy() {
      try {
        pgCtl('stop', ['-m', 'immediate']);
      } catch {
        // already stopped
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
