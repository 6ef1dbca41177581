/**
 * Polls until `check` returns a value, failing on a stall (no progress for stallMs, as reported
 * by `progress`) or on the hard timeout, whichever comes first.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  options: { hardTimeoutMs?: number; stallMs?: number; intervalMs?: number; progress?: () => Promise<number> } = {},
): Promise<T> {
  const { hardTimeoutMs = 60_000, stallMs = 20_000, intervalMs = 100 } = options;
  const started = Date.now();
  let lastProgress = options.progress ? await options.progress() : 0;
  let lastProgressAt = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    const now = Date.now();
    if (now - started > hardTimeoutMs) throw new Error(`timed out after ${hardTimeoutMs} ms waiting for ${what}`);
    if (options.progress) {
      const current = await options.progress();
      if (current !== lastProgress) {
        lastProgress = current;
        lastProgressAt = now;
      } else if (now - lastProgressAt > stallMs) {
        throw new Error(`no progress for ${stallMs} ms waiting for ${what} (stuck at ${current})`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
