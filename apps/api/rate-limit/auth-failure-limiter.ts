import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { REDIS_PRODUCER } from '../../../libs/queue/index.js';
import { FailOpenLimiter } from './fail-open-limiter.js';

const MAX_BLOCKED_ADDRESSES = 10_000;

/**
 * Failed authentications per client address (STEPGRADE_AUTH_FAILURE_LIMIT per second, burst 2×,
 * 0 = off). Each failure takes a token from the address's bucket in Redis (shared by every API
 * process); once it is empty the address is remembered here as blocked until it refills, so while
 * blocked a key that is not already known good costs no Redis call and no database lookup.
 */
@Injectable()
export class AuthFailureLimiter {
  private readonly bucket: FailOpenLimiter | null;
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_PRODUCER) redis: Redis,
  ) {
    const rate = config.authFailuresPerSecond;
    this.bucket = rate > 0 ? new FailOpenLimiter(redis, rate, 2 * rate, 'AuthFailures') : null;
  }

  /** Seconds until the address may try again, or null when it is not blocked. */
  blockedFor(address: string, nowMs = Date.now()): number | null {
    const until = this.blockedUntil.get(address);
    if (until === undefined) return null;
    if (until <= nowMs) {
      this.blockedUntil.delete(address);
      return null;
    }
    return Math.max(1, Math.ceil((until - nowMs) / 1000));
  }

  /** Counts one failure; the seconds to wait when it used up the address's budget, else null. */
  async recordFailure(address: string): Promise<number | null> {
    if (!this.bucket) return null;
    const decision = await this.bucket.decide(`${this.config.queuePrefix}:authfail:${address}`);
    if (decision.allowed) return null;
    // Oldest first out: a flood of addresses cannot grow this without bound.
    if (this.blockedUntil.size >= MAX_BLOCKED_ADDRESSES)
      this.blockedUntil.delete(this.blockedUntil.keys().next().value!);
    this.blockedUntil.set(address, Date.now() + decision.retryAfterS * 1000);
    return decision.retryAfterS;
  }
}
