import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { QUEUES } from '../../../libs/queue/index.js';
import { ApiKeyService } from '../auth/api-key.service.js';
import { AuthFailureLimiter } from '../rate-limit/auth-failure-limiter.js';

export const DASHBOARD_PATH = '/admin/queues';

/** An admin key from `Authorization: Bearer <key>`, or from Basic auth (any user name) so a browser can log in. */
function presentedKey(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S{1,200})$/i.exec(header);
  if (bearer) return bearer[1]!;
  const basic = /^Basic\s+([A-Za-z0-9+/=]{1,400})$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  return decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : null;
}

/**
 * The BullMQ dashboard (bull-board) for admins at /admin/queues: every queue of every pool, with
 * retry and clean actions. Guarded by an admin API key; nothing else in the API links to it.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly apiKeys: ApiKeyService,
    private readonly failures: AuthFailureLimiter,
  ) {}

  async onModuleInit(): Promise<void> {
    // Loaded on demand: bull-board's Fastify plugin pulls in CommonJS that requires ES modules,
    // which Node 20 does at run time but Jest's module loader cannot; the e2e test of the
    // dashboard therefore drives a real API process.
    let modules: [
      typeof import('@bull-board/api'),
      typeof import('@bull-board/api/bullMQAdapter'),
      typeof import('@bull-board/fastify'),
    ];
    try {
      modules = await Promise.all([
        import('@bull-board/api'),
        import('@bull-board/api/bullMQAdapter'),
        import('@bull-board/fastify'),
      ]);
    } catch (error) {
      new Logger('QueueDashboard').error(
        `the queue dashboard is unavailable in this process: ${(error as Error).message}`,
      );
      return;
    }
    const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = modules;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: Object.values(QUEUES).map(
        (name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })),
      ),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'StepGrade queues' } },
    });
    await fastify.register(async (scope) => {
      scope.addHook('onRequest', (request, reply) => this.requireAdmin(request, reply));
      await scope.register(serverAdapter.registerPlugin(), { prefix: DASHBOARD_PATH });
    });
  }

  private async requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const key = presentedKey(request.headers.authorization);
    const known = key ? this.apiKeys.cached(key) : undefined;
    // The API's failed-authentication limit per address covers the dashboard too (auth.guard.ts).
    const blockedFor = known ? null : this.failures.blockedFor(request.ip);
    const principal = known ?? (key && blockedFor === null ? await this.apiKeys.resolve(key) : null);
    if (principal?.role === 'admin') return;
    const retryAfterS = blockedFor ?? (principal ? null : await this.failures.recordFailure(request.ip));
    if (retryAfterS !== null) {
      const message = `too many failed authentications from this address; retry after ${retryAfterS} s`;
      await reply
        .status(429)
        .header('retry-after', String(retryAfterS))
        .send({ error: { code: 'rate_limited', message } });
      return;
    }
    const status = principal ? 403 : 401;
    const message = principal
      ? 'the queue dashboard is for admin keys'
      : 'send an admin API key (Bearer, or Basic with the key as password)';
    await reply
      .status(status)
      .header('www-authenticate', 'Basic realm="StepGrade queues"')
      .send({ error: { code: principal ? 'forbidden' : 'unauthorized', message } });
  }
}
