import type { Redis } from 'ioredis';

// A token bucket per key, kept in one Redis hash and updated atomically by one script, so every
// API process shares the same budget. Redis's own clock is used: API hosts' clocks may differ.
const TOKEN_BUCKET_LUA = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local last = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - last) * rate / 1000)
local allowed = 0
local retry_ms = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry_ms = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return {allowed, retry_ms}`;

export type BucketDecision = { allowed: true } | { allowed: false; retryAfterS: number };

type RedisWithBucket = Redis & {
  stepgradeTokenBucket(key: string, rate: number, burst: number): Promise<[number, number]>;
};

/** `rate` tokens per second, up to `burst`; one request takes one token. */
export class TokenBucket {
  private readonly redis: RedisWithBucket;

  constructor(
    redis: Redis,
    private readonly rate: number,
    private readonly burst: number,
  ) {
    if (!(rate > 0) || !(burst >= 1)) throw new Error('a token bucket needs rate > 0 and burst ≥ 1');
    if (!('stepgradeTokenBucket' in redis))
      redis.defineCommand('stepgradeTokenBucket', { numberOfKeys: 1, lua: TOKEN_BUCKET_LUA });
    this.redis = redis as RedisWithBucket;
  }

  async take(key: string): Promise<BucketDecision> {
    const [allowed, retryMs] = await this.redis.stepgradeTokenBucket(key, this.rate, this.burst);
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterS: Math.max(1, Math.ceil(retryMs / 1000)) };
  }
}
