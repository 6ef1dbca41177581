// A small pool of worker threads that run CAS calls with a per-call deadline. A synchronous mathjs
// call cannot be interrupted, so a call past its deadline has its thread terminated and replaced,
// and resolves with a "took too long" verdict instead of rejecting.
import { Worker } from 'node:worker_threads';
import type {
  AnswerVerdict,
  CasRequest,
  CasResponse,
  CasWorkerData,
  CheckAnswerArgs,
  CheckStepsArgs,
  StepsResult,
} from './cas-sandbox.types.js';
import { TOO_MUCH_MEMORY_REASON, answerStopped, stepsStopped, tooLongReason } from './timeout-verdicts.js';
import { resolveWorkerEntry, toFileUrl } from './worker-entry-path.js';

export interface CasSandboxOptions {
  /** Worker threads at most (started on demand). Default 1. */
  size?: number;
  /** Deadline per call, counted from the moment a ready worker receives it (queueing is not counted). */
  timeoutMs: number;
  /** Worker entry file; default: this lib's compiled cas-worker.entry.js (see README.md). */
  workerFile?: string | URL;
  /** Module exporting checkAnswer/checkSteps to run instead of the real CAS (tests). */
  handlersModule?: string | URL;
  /** Heap limit per worker, so a runaway allocation kills the thread, not the process. Default 256. */
  maxMemoryMb?: number;
}

export interface CasSandbox {
  checkAnswer(args: CheckAnswerArgs): Promise<AnswerVerdict>;
  checkSteps(args: CheckStepsArgs): Promise<StepsResult>;
  /** Stops every worker; calls not yet answered reject. */
  close(): Promise<void>;
}

interface Job {
  request: CasRequest;
  /** The verdict to answer with when the math had to be stopped. */
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

export function createCasSandbox(options: CasSandboxOptions): CasSandbox {
  const size = Math.max(1, options.size ?? 1);
  const { timeoutMs } = options;
  const entry = resolveWorkerEntry(options.workerFile);
  const workerData: CasWorkerData = options.handlersModule
    ? { handlersModule: toFileUrl(options.handlersModule).href }
    : {};
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): void {
    const worker = new Worker(entry, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? 256 },
    });
    const slot: Slot = { worker, ready: false, job: null, deadline: null };
    slots.add(slot);
    worker.on('message', (response: CasResponse) => onMessage(slot, response));
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && slot.job) stop(slot, TOO_MUCH_MEMORY_REASON);
      else retire(slot, error);
    });
    worker.on('exit', (code) => retire(slot, new Error(`cas-sandbox worker exited with code ${code}`)));
  }

  function onMessage(slot: Slot, response: CasResponse): void {
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
    slot.job = null;
    slot.deadline = null;
    return job;
  }

  /** A worker that died or failed to start: its call fails, and if it never became ready the calls
   * waiting for it fail too (a broken entry file must not leave callers hanging). */
  function retire(slot: Slot, error: Error): void {
    if (!slots.delete(slot)) return;
    if (slot.job) finish(slot).reject(error);
    if (!slot.ready) for (const job of queue.splice(0)) job.reject(error);
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

  function dispatch(): void {
    if (closed) return;
    for (const slot of slots) {
      if (!queue.length) return;
      if (!slot.ready || slot.job) continue;
      const job = queue.shift() as Job;
      slot.job = job;
      slot.deadline = setTimeout(() => stop(slot, tooLongReason(timeoutMs)), timeoutMs);
      slot.worker.postMessage(job.request);
    }
    const starting = [...slots].filter((slot) => !slot.ready).length;
    for (let missing = Math.min(queue.length - starting, size - slots.size); missing > 0; missing--) spawn();
  }

  function submit<T>(request: CasRequest, onStop: (reason: string) => T): Promise<T> {
    if (closed) return Promise.reject(new Error('cas-sandbox is closed'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ request, onStop, resolve: resolve as (value: unknown) => void, reject });
      dispatch();
    });
  }

  return {
    checkAnswer: (args) => submit({ id: nextId++, kind: 'checkAnswer', args }, answerStopped),
    checkSteps: (args) => submit({ id: nextId++, kind: 'checkSteps', args }, (reason) => stepsStopped(args, reason)),
    async close() {
      closed = true;
      const closedError = new Error('cas-sandbox is closed');
      for (const job of queue.splice(0)) job.reject(closedError);
      const workers = [...slots];
      slots.clear();
      for (const slot of workers) if (slot.job) finish(slot).reject(closedError);
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
  };
}
