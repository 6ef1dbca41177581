// Time spent inside the CAS library (mathjs), so benchmarks can say how much of the checker's time
// is the library's and how much is our own reading and exact arithmetic. Two clock reads per
// library call: cheap next to the call itself.
const account = { ms: 0, calls: 0 };

/** Runs one library call and adds its wall time to the account (errors pass through untouched). */
export function onCasClock<T>(call: () => T): T {
  const started = performance.now();
  try {
    return call();
  } finally {
    account.ms += performance.now() - started;
    account.calls += 1;
  }
}

/** The time and number of library calls since the last reset. */
export function casClockReading(): { ms: number; calls: number } {
  return { ms: account.ms, calls: account.calls };
}

export function resetCasClock(): void {
  account.ms = 0;
  account.calls = 0;
}
