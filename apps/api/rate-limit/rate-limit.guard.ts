import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { REDIS_PRODUCER } from '../../../libs/queue/index.js';
import type { Principal } from '../auth/principal.js';
import { ApiError } from '../common/api-error.js';
import { type BucketDecision, TokenBucket } from './token-bucket.js';

/** A Redis that does not answer within this is treated as down: requests must not wait on it. */
const REDIS_DECISION_TIMEOUT_MS = 250;
const WARN_EVERY_MS = 10_000;

/**
 * Per-key rate limit (STEPGRADE_RATE_LIMIT req/s, burst 2×, 0 = off), checked after
 * authentication. With Redis down it fails open (API.md): submissions are still accepted.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  private readonly bucket: TokenBucket | null;
  private lastWarnedAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_PRODUCER) redis: Redis,
  ) {
    const rate = config.rateLimitPerSecond;
    this.bucket = rate > 0 ? new TokenBucket(redis, rate, 2 * rate) : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    // Public routes (health, signed webhooks, review links) carry no key to count against.
    if (!this.bucket || !principal) return true;
    const decision = await this.decide(`${this.config.queuePrefix}:ratelimit:${principal.keyId}`);
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

  private async decide(key: string): Promise<BucketDecision> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${REDIS_DECISION_TIMEOUT_MS} ms`)),
        REDIS_DECISION_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([this.bucket!.take(key), timeout]);
    } catch (error) {
      if (Date.now() - this.lastWarnedAt > WARN_EVERY_MS) {
        this.lastWarnedAt = Date.now();
        this.logger.warn(`rate limiter failing open, Redis unavailable: ${(error as Error).message}`);
      }
      return { allowed: true };
    } finally {
      clearTimeout(timer);
    }
  }
}
