// A pool of worker threads that run named handler calls with a per-call deadline, shared by the CAS
// tools and the review pages. A synchronous call cannot be interrupted, so a call past its deadline
// has its thread terminated and replaced, and resolves with the caller's "stopped" value.
//
// Calls belong to lanes (an organization, say). Lanes are served round-robin, each lane may hold at
// most `maxRunningPerLane` threads (so one lane never takes them all) and `maxQueuedPerLane` waiting
// calls; a call over that bound is refused at once with PoolBusyError instead of waiting.
import { Worker } from 'node:worker_threads';
import type { PoolRequest, PoolResponse, PoolWorkerData } from './cas-sandbox.types.js';
import { TOO_MUCH_MEMORY_REASON, tooLongReason } from './timeout-verdicts.js';
import { resolveWorkerEntry, toFileUrl } from './worker-entry-path.js';

export interface ThreadPoolOptions {
  /** Worker threads at most (started on demand). Default 1. */
  size?: number;
  /** Deadline per call, counted from the moment a ready worker receives it (queueing is not counted). */
  timeoutMs: number;
  /** Worker entry file; default: this lib's compiled cas-worker.entry.js (see README.md). */
  workerFile?: string | URL;
  /** Module whose exported functions are the handlers; default: the real CAS. */
  handlersModule?: string | URL;
  /** Heap limit per worker, so a runaway allocation kills the thread, not the process. Default 256. */
  maxMemoryMb?: number;
  /** Threads one lane may occupy at once. Default: all of them. */
  maxRunningPerLane?: number;
  /** Calls one lane may have waiting beyond the ones it runs. Default: unbounded. */
  maxQueuedPerLane?: number;
}

export interface RunOptions<T> {
  /** Who the call is for; calls without a lane share one. */
  lane?: string;
  /** The value to answer with when the call had to be stopped (deadline or memory). */
  onStop: (reason: string) => T;
}

export interface ThreadPool {
  run<T>(kind: string, args: unknown, options: RunOptions<T>): Promise<T>;
  /** Starts every thread now, so no caller waits for one to load (threads otherwise start on demand). */
  prestart(): void;
  /** Stops every worker; calls not yet answered reject. */
  close(): Promise<void>;
}

/** A lane already has as many calls waiting as it may: the caller should retry later. */
export class PoolBusyError extends Error {
  constructor(
    readonly lane: string,
    readonly retryAfterS: number,
  ) {
    super(`too many calls waiting for ${lane}; retry after ${retryAfterS} s`);
    this.name = 'PoolBusyError';
  }
}

interface Job {
  lane: string;
  request: PoolRequest;
  onStop: (reason: string) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  deadline: NodeJS.Timeout | null;
}

const DEFAULT_LANE = '';

export function createThreadPool(options: ThreadPoolOptions): ThreadPool {
  const size = Math.max(1, options.size ?? 1);
  const maxRunning = Math.max(1, Math.min(size, options.maxRunningPerLane ?? size));
  const maxQueued = options.maxQueuedPerLane ?? Number.POSITIVE_INFINITY;
  const { timeoutMs } = options;
  const entry = resolveWorkerEntry(options.workerFile);
  const workerData: PoolWorkerData = options.handlersModule
    ? { handlersModule: toFileUrl(options.handlersModule).href }
    : {};
  const slots = new Set<Slot>();
  // Waiting calls per lane; Map iteration order is the round-robin order (a served lane goes last).
  const lanes = new Map<string, Job[]>();
  const running = new Map<string, number>();
  let waiting = 0;
  let nextId = 1;
  let closed = false;

  function spawn(): void {
    const worker = new Worker(entry, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 256 },
    });
    const slot: Slot = { worker, ready: false, job: null, deadline: null };
    slots.add(slot);
    worker.on('message', (response: PoolResponse) => onMessage(slot, response));
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && slot.job) stop(slot, TOO_MUCH_MEMORY_REASON);
      else retire(slot, error);
    });
    worker.on('exit', (code) => retire(slot, new Error(`thread-pool worker exited with code ${code}`)));
  }

  function onMessage(slot: Slot, response: PoolResponse): void {
    if (response.kind === 'ready') {
      slot.ready = true;
    } else if (slot.job && slot.job.request.id === response.id) {
      const job = finish(slot);
      if (response.kind === 'result') job.resolve(response.result);
      else job.reject(Object.assign(new Error(response.error.message), { stack: response.error.stack }));
    }
    dispatch();
  }

  function finish(slot: Slot): Job {
    const job = slot.job as Job;
    if (slot.deadline) clearTimeout(slot.deadline);
    running.set(job.lane, (running.get(job.lane) ?? 1) - 1);
    if (running.get(job.lane) === 0) running.delete(job.lane);
    slot.job = null;
    slot.deadline = null;
    return job;
  }

  function takeWaiting(): Job[] {
    const all = [...lanes.values()].flat();
    lanes.clear();
    waiting = 0;
    return all;
  }

  /** A worker that died or failed to start: its call fails, and if it never became ready the calls
   * waiting for it fail too (a broken entry file must not leave callers hanging). */
  function retire(slot: Slot, error: Error): void {
    if (!slots.delete(slot)) return;
    if (slot.job) finish(slot).reject(error);
    if (!slot.ready) for (const job of takeWaiting()) job.reject(error);
    dispatch();
  }

  /** Ends a runaway call: its thread is terminated (a replacement starts on demand). */
  function stop(slot: Slot, reason: string): void {
    const job = finish(slot);
    slots.delete(slot);
    void slot.worker.terminate();
    job.resolve(job.onStop(reason));
    dispatch();
  }

  /** The next call to start: the first lane in round-robin order that is under its running bound. */
  function nextJob(): Job | null {
    for (const [lane, jobs] of lanes) {
      if ((running.get(lane) ?? 0) >= maxRunning) continue;
      const job = jobs.shift() as Job;
      lanes.delete(lane);
      if (jobs.length > 0) lanes.set(lane, jobs); // re-inserted: this lane goes to the back
      waiting -= 1;
      return job;
    }
    return null;
  }

  function dispatch(): void {
    if (closed) return;
    for (const slot of slots) {
      if (!slot.ready || slot.job) continue;
      const job = nextJob();
      if (!job) break;
      slot.job = job;
      running.set(job.lane, (running.get(job.lane) ?? 0) + 1);
      slot.deadline = setTimeout(() => stop(slot, tooLongReason(timeoutMs)), timeoutMs);
      slot.worker.postMessage(job.request);
    }
    const starting = [...slots].filter((slot) => !slot.ready).length;
    for (let missing = Math.min(waiting - starting, size - slots.size); missing > 0; missing--) spawn();
  }

  return {
    run<T>(kind: string, args: unknown, runOptions: RunOptions<T>): Promise<T> {
      if (closed) return Promise.reject(new Error('thread pool is closed'));
      const lane = runOptions.lane ?? DEFAULT_LANE;
      const queued = lanes.get(lane) ?? [];
      // Counted with the lane's running calls, so a call waiting for a thread to start counts once.
      if (queued.length + (running.get(lane) ?? 0) >= maxRunning + maxQueued) {
        // A queued call waits at most one deadline per call ahead of it on its lane's threads.
        const retryAfterS = Math.max(1, Math.ceil(((queued.length / maxRunning) * timeoutMs) / 1000));
        return Promise.reject(new PoolBusyError(lane || 'this pool', retryAfterS));
      }
      return new Promise<T>((resolve, reject) => {
        const request: PoolRequest = { id: nextId++, kind, args };
        queued.push({ lane, request, onStop: runOptions.onStop, resolve: resolve as (value: unknown) => void, reject });
        if (!lanes.has(lane)) lanes.set(lane, queued);
        waiting += 1;
        dispatch();
      });
    },
    prestart() {
      if (closed) return;
      for (let missing = size - slots.size; missing > 0; missing--) spawn();
    },
    async close() {
      closed = true;
      const closedError = new Error('thread pool is closed');
      for (const job of takeWaiting()) job.reject(closedError);
      const workers = [...slots];
      slots.clear();
      for (const slot of workers) if (slot.job) finish(slot).reject(closedError);
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
  };
}
