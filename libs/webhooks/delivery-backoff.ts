// When to try a failed webhook delivery again: exponential backoff with jitter, spread over more
// than 24 hours (API.md) so a receiver that is down for a day still gets the event.

/** Attempts in total, the first one included. */
export const MAX_DELIVERY_ATTEMPTS = 18;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * Delay before the next attempt after `attemptsMade` attempts failed, or null when the event has
 * used all its attempts. The delay is drawn from [ceiling/2, ceiling) with the ceiling doubling from
 * 30 s up to 6 h ("equal jitter"): pure full jitter ([0, ceiling)) spreads retries just as well
 * but a run of small draws could use up every attempt within minutes, breaking the 24-hour promise.
 * With 18 attempts the schedule spans 26 h at the least and 52 h at the most.
 */
export function nextAttemptDelayMs(attemptsMade: number, rng: () => number = Math.random): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) throw new Error('attemptsMade must be an integer ≥ 1');
  if (attemptsMade >= MAX_DELIVERY_ATTEMPTS) return null;
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attemptsMade - 1));
  return Math.floor(ceiling / 2 + rng() * (ceiling / 2));
}
