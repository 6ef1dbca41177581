import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { FastifyReply } from 'fastify';
import { DATABASE, type Database } from '../../../libs/db/index.js';
import { REDIS_PRODUCER } from '../../../libs/queue/index.js';
import { Public } from '../auth/auth.decorators.js';

async function probe(check: () => Promise<unknown>): Promise<{ status: 'up' | 'down'; error?: string }> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 2_000))]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}

/** Liveness says the process runs; readiness says it can reach Postgres and Redis. */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(REDIS_PRODUCER) private readonly redis: Redis,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [postgres, redis] = await Promise.all([
      probe(() => this.db.pool.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const ok = postgres.status === 'up' && redis.status === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}
