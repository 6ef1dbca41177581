import { readFileSync } from 'node:fs';

/** Resident set size of a process in MB, from /proc (0 once it has exited). */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0; // the process has exited: nothing resident
  }
}

/** Samples processes' RSS every `everyMs` until stopped; reports each one's peak and last sample. */
export function sampleRss(pids: Record<string, number>, everyMs = 250) {
  const peaks = Object.fromEntries(Object.keys(pids).map((name) => [name, 0]));
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(pids).map((name) => [name, []]));
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) {
      const mb = rssMb(pid);
      peaks[name] = Math.max(peaks[name]!, mb);
      samples[name]!.push(mb);
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peaks, samples };
    },
  };
}

/** CPU seconds (user + system, all threads) a process has used so far, from /proc (0 once it has exited). */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // the process has exited
  }
}
