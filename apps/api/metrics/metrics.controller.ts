import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { ApiMetrics } from '../../../libs/observability/index.js';
import { Public } from '../auth/auth.decorators.js';
import { ApiError } from '../common/api-error.js';

function sameToken(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Prometheus text. Not an API key route (a scraper holds no key): open unless
 * STEPGRADE_METRICS_TOKEN is set, then `Authorization: Bearer <that token>`.
 */
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: ApiMetrics,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const expected = this.config.metricsToken;
    if (expected) {
      const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
      if (!sameToken(given, expected))
        throw new ApiError(401, 'unauthorized', 'metrics need the metrics token', undefined, {
          'www-authenticate': 'Bearer',
        });
    }
    void reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
