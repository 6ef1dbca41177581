import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { REDIS_PRODUCER } from '../../../libs/queue/index.js';
import { FailOpenLimiter } from '../rate-limit/fail-open-limiter.js';

/** Pages per second one client address may open (a teacher clicks; a loop does not), and the burst. */
const PAGES_PER_SECOND = 2;
const BURST = 10;

/**
 * Review pages carry no API key, so the per-key limit cannot apply: they are limited per client
 * address instead, on whenever STEPGRADE_RATE_LIMIT is on (> 0), failing open like it.
 */
@Injectable()
export class ReviewThrottle {
  private readonly limiter: FailOpenLimiter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_PRODUCER) redis: Redis,
  ) {
    this.limiter =
      config.rateLimitPerSecond > 0 ? new FailOpenLimiter(redis, PAGES_PER_SECOND, BURST, 'ReviewRateLimit') : null;
  }

  /** Seconds to wait when this address is over its limit, else null. */
  async retryAfter(clientAddress: string): Promise<number | null> {
    if (!this.limiter) return null;
    const decision = await this.limiter.decide(`${this.config.queuePrefix}:ratelimit:review:${clientAddress}`);
    return decision.allowed ? null : decision.retryAfterS;
  }
}
