import { readFileSync } from 'node:fs';

// Where a machine's CPU goes during a bench run: the cores busy machine-wide (every process:
// API, workers, Postgres, Redis, the bench itself, anything else running) from /proc/stat deltas,
// beside the bench process's own share. Linux only: elsewhere every figure is null.

/** Machine-wide CPU time in clock ticks since boot; idle counts iowait too (a core waiting on disk is free). */
export interface CpuTimes {
  total: number;
  idle: number;
  /** The `cpuN` lines: the CPUs the kernel has online. */
  cpus: number;
}

/** The aggregate `cpu` line of /proc/stat (null where there is none: not Linux). */
export function parseProcStat(text: string): CpuTimes | null {
  const lines = text.split('\n');
  const aggregate = lines.find((line) => /^cpu\s/.test(line));
  if (!aggregate) return null;
  // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is already in
  // user and nice, so it is not added again.
  const ticks = aggregate.trim().split(/\s+/).slice(1, 9).map(Number);
  if (ticks.length < 5 || ticks.some((value) => !Number.isFinite(value))) return null;
  return {
    total: ticks.reduce((sum, value) => sum + value, 0),
    idle: ticks[3]! + ticks[4]!,
    cpus: lines.filter((line) => /^cpu\d+\s/.test(line)).length,
  };
}

export function readCpuTimes(): CpuTimes | null {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return null; // no /proc/stat: not Linux
  }
}

/** Busy cores between two readings: (total - idle - iowait) / total x CPUs. */
export function busyCores(before: CpuTimes, after: CpuTimes): number | null {
  const total = after.total - before.total;
  if (total <= 0) return null;
  return ((total - (after.idle - before.idle)) / total) * after.cpus;
}

export interface CpuWindow {
  /** Cores busy machine-wide on average over the window; null off Linux. */
  machineBusyCores: number | null;
  /** Cores this process used on average over the window (its own threads only). */
  processCores: number;
}

/** Starts measuring; `stop()` gives the averages since the start. */
export function startCpuWindow(): { stop(): CpuWindow } {
  const machine = readCpuTimes();
  const own = process.cpuUsage();
  const started = performance.now();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(own);
      const now = readCpuTimes();
      return {
        machineBusyCores: machine && now ? busyCores(machine, now) : null,
        processCores: seconds > 0 ? (used.user + used.system) / 1e6 / seconds : 0,
      };
    },
  };
}
