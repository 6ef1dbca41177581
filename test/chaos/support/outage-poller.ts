import type { ApiClient } from '../../support/http-client.js';

/**
 * Polls an authenticated GET every 100 ms from now on and counts the statuses it gets (0 = no
 * answer at all, i.e. the API itself went away). `stopWhenHealthy` waits for a 200 that comes
 * after the outage was seen (or after the deadline) and returns the counts.
 */
export function pollDuringOutage(client: ApiClient, path: string) {
  const statuses = new Map<number, number>();
  let sawOutage = false;
  let stopping = false;
  let lastStatus = 0;
  const loop = (async () => {
    for (;;) {
      let status: number;
      try {
        status = (await client.get(path)).status;
      } catch {
        status = 0;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      lastStatus = status;
      if (status !== 200) sawOutage = true;
      if (stopping && status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stopWhenHealthy(timeoutMs = 60_000): Promise<Map<number, number>> {
      stopping = true;
      const deadline = new Promise<void>((_, reject) =>
        setTimeout(
          () =>
            reject(
              new Error(
                `API still not healthy after ${timeoutMs} ms (last status ${lastStatus}, outage seen: ${sawOutage})`,
              ),
            ),
          timeoutMs,
        ).unref(),
      );
      await Promise.race([loop, deadline]);
      return statuses;
    },
  };
}
