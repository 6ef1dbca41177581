import { Logger } from '@nestjs/common';
import { type BucketDecision, TokenBucket } from './token-bucket.js';
import type { Redis } from 'ioredis';

/** A Redis that does not answer within this is treated as down: requests must not wait on it. */
const REDIS_DECISION_TIMEOUT_MS = 250;
const WARN_EVERY_MS = 10_000;

/**
 * A token bucket that fails open (API.md): with Redis down or slow, the request is allowed and a
 * warning is logged at most every 10 s, so a Redis outage never takes the API down with it.
 */
export class FailOpenLimiter {
  private readonly logger: Logger;
  private readonly bucket: TokenBucket;
  private lastWarnedAt = 0;

  constructor(redis: Redis, rate: number, burst: number, name: string) {
    this.bucket = new TokenBucket(redis, rate, burst);
    this.logger = new Logger(name);
  }

  async decide(key: string): Promise<BucketDecision> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${REDIS_DECISION_TIMEOUT_MS} ms`)),
        REDIS_DECISION_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([this.bucket.take(key), timeout]);
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
