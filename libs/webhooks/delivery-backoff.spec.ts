// Protects the retry schedule: growing, jittered delays that keep trying for more than 24 hours and then stop.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MAX_DELIVERY_ATTEMPTS, nextAttemptDelayMs } from './delivery-backoff.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function scheduleTotalMs(rng: () => number): number {
  let total = 0;
  for (let attemptsMade = 1; attemptsMade < MAX_DELIVERY_ATTEMPTS; attemptsMade += 1) {
    total += nextAttemptDelayMs(attemptsMade, rng) ?? Number.NaN;
  }
  return total;
}

describe('nextAttemptDelayMs', () => {
  it('keeps retrying for more than 24 hours even when every jitter draw is the smallest possible', () => {
    expect(scheduleTotalMs(() => 0)).toBeGreaterThan(DAY_MS);
  });

  it('finishes within a bounded time when every draw is the largest possible', () => {
    expect(scheduleTotalMs(() => 0.999_999)).toBeLessThan(3 * DAY_MS);
  });

  it('starts around 30 seconds and grows', () => {
    expect(nextAttemptDelayMs(1, () => 0)).toBe(15_000);
    expect(nextAttemptDelayMs(1, () => 0.999_999)).toBeLessThanOrEqual(30_000);
    expect(nextAttemptDelayMs(5, () => 0)).toBeGreaterThan(nextAttemptDelayMs(4, () => 0.999_999) ?? Infinity);
  });

  it('returns null once every attempt is used', () => {
    expect(nextAttemptDelayMs(MAX_DELIVERY_ATTEMPTS - 1)).not.toBeNull();
    expect(nextAttemptDelayMs(MAX_DELIVERY_ATTEMPTS)).toBeNull();
  });

  it('jitters: the same attempt gets different delays, always within its band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_DELIVERY_ATTEMPTS - 1 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attemptsMade, draw) => {
          const delay = nextAttemptDelayMs(attemptsMade, () => draw) ?? -1;
          const low = nextAttemptDelayMs(attemptsMade, () => 0) ?? -1;
          return delay >= low && delay <= 2 * low + 1 && delay <= 6 * 60 * 60 * 1000;
        },
      ),
    );
    const draws = new Set(Array.from({ length: 20 }, () => nextAttemptDelayMs(6)));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('refuses attempt counts below 1', () => {
    expect(() => nextAttemptDelayMs(0)).toThrow(/≥ 1/);
  });
});
