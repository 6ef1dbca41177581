import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { REDIS_PRODUCER } from '../../../libs/queue/index.js';
import type { Principal } from '../auth/principal.js';
import { ApiError } from '../common/api-error.js';
import { FailOpenLimiter } from './fail-open-limiter.js';

/**
 * Per-key rate limit (STEPGRADE_RATE_LIMIT req/s, burst 2×, 0 = off), checked after
 * authentication. With Redis down it fails open (API.md): submissions are still accepted.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly bucket: FailOpenLimiter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_PRODUCER) redis: Redis,
  ) {
    const rate = config.rateLimitPerSecond;
    this.bucket = rate > 0 ? new FailOpenLimiter(redis, rate, 2 * rate, 'RateLimit') : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    // Public routes (health, signed webhooks, review links) carry no key to count against.
    if (!this.bucket || !principal) return true;
    const decision = await this.bucket.decide(`${this.config.queuePrefix}:ratelimit:${principal.keyId}`);
    if (decision.allowed) return true;
    throw new ApiError(
      429,
      'rate_limited',
      `too many requests for this API key; retry after ${decision.retryAfterS} s`,
      undefined,
      {
        'retry-after': String(decision.retryAfterS),
      },
    );
  }
}
