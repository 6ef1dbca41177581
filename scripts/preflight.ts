import net from 'node:net';

/** Checks a TCP service answers, so start-up can say in one line what is missing and how to fix it. */
function reachable(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function hostPort(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port) || defaultPort };
}

/** Returns the problems found (empty when Postgres and Redis both answer). */
export async function preflight(databaseUrl: string, redisUrl: string): Promise<string[]> {
  const problems: string[] = [];
  const postgres = hostPort(databaseUrl, 5432);
  const redis = hostPort(redisUrl, 6379);
  if (!(await reachable(postgres.host, postgres.port))) {
    problems.push(
      `Postgres is not reachable at ${postgres.host}:${postgres.port} (DATABASE_URL). Start it (e.g. "pg_ctlcluster 15 main start" or "docker compose up -d postgres") or set DATABASE_URL.`,
    );
  }
  if (!(await reachable(redis.host, redis.port))) {
    problems.push(
      `Redis is not reachable at ${redis.host}:${redis.port} (REDIS_URL). Start it (e.g. "redis-server --daemonize yes" or "docker compose up -d redis") or set REDIS_URL.`,
    );
  }
  return problems;
}
