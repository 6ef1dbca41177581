// Grading off the worker's event loop: a few worker threads grade chunks of submissions, so BullMQ
// keeps renewing job locks and other jobs keep moving while the CAS works. A synchronous check
// cannot be interrupted, so a submission still being checked past its time budget has its thread
// terminated and replaced, and the rest of its chunk goes on in the new thread. That submission
// keeps the problems the thread had graded and reported before the stop (a submission with more
// than one answered problem reports each as it is graded); the rest of its answered problems come
// back unchecked with the reason. A report still on its way at the stop is not waited for: that
// problem is unchecked too. A thread out of memory is treated the same way.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { assertNever } from '../../../libs/grading/claim-kinds.js';
import {
  type BudgetedGrade,
  type GradingBudget,
  type ProblemGrade,
  stoppedGrade,
  type SubmissionToGrade,
} from './grading-budget.js';
import type { GradingTask, GradingThreadData, GradingThreadMessage } from './grading-thread.entry.js';

export type GradeAttempt = { ok: true; grade: BudgetedGrade } | { ok: false; error: Error };

export interface GradingThreadsOptions {
  threads: number;
  budget: GradingBudget;
  /** Heap limit per thread, so a runaway allocation stops the check, not the process. Default 512. */
  maxMemoryMb?: number;
}

interface Chunk {
  submissions: SubmissionToGrade[];
  results: (GradeAttempt | undefined)[];
  left: number;
  resolve: (results: GradeAttempt[]) => void;
  reject: (error: Error) => void;
}

interface Task {
  message: GradingTask;
  chunk: Chunk;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  clock: Float64Array;
  /** The problems of the running submission (its index in the chunk) graded so far, by problem index. */
  kept: { index: number; problems: Map<number, ProblemGrade> } | null;
}

type TaskMessage = Exclude<GradingThreadMessage, { kind: 'ready' }>;

/** The thread's JavaScript: the sibling when running compiled, else the build in dist/ (Jest runs TypeScript). */
function threadEntry(): URL {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.js')) return new URL('./grading-thread.entry.js', here);
  const compiled = new URL('../../../dist/apps/worker/grading/grading-thread.entry.js', here);
  if (!existsSync(fileURLToPath(compiled)))
    throw new Error(`${fileURLToPath(compiled)} is missing; run "npm run build"`);
  return compiled;
}

export class GradingThreads {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private readonly entry = threadEntry();
  private watchdog: NodeJS.Timeout | null = null;
  private nextTaskId = 1;
  private closed = false;
  /** Threads are started on the first chunk (or by warm()), not when a worker without a cpu pool boots. */
  private started = false;

  constructor(private readonly options: GradingThreadsOptions) {}

  /** Grades a chunk; each submission's attempt is its grade, or the grader's error for it alone. */
  grade(submissions: SubmissionToGrade[]): Promise<GradeAttempt[]> {
    if (this.closed) return Promise.reject(new Error('grading threads are closed'));
    if (submissions.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const chunk: Chunk = { submissions, results: [], left: submissions.length, resolve, reject };
      this.enqueue(
        chunk,
        submissions.map((_, index) => index),
      );
      this.dispatch();
    });
  }

  /**
   * Stops the threads. With `graceMs`, chunks already given to the threads may finish first (a
   * shutdown lets jobs in flight complete rather than fail and be retried).
   */
  async close(graceMs = 0): Promise<void> {
    const deadline = Date.now() + graceMs;
    const busy = () => this.queue.length > 0 || [...this.slots].some((slot) => slot.task);
    while (!this.closed && busy() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    const closedError = new Error('grading threads are closed');
    for (const task of this.queue.splice(0)) task.chunk.reject(closedError);
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) slot.task?.chunk.reject(closedError);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private enqueue(chunk: Chunk, indices: number[], front = false): void {
    const task: Task = {
      chunk,
      message: {
        id: this.nextTaskId++,
        submissions: indices.map((index) => ({ index, submission: chunk.submissions[index]! })),
      },
    };
    if (front) this.queue.unshift(task);
    else this.queue.push(task);
  }

  private spawn(): void {
    const clock = new SharedArrayBuffer(16);
    const workerData: GradingThreadData = { budget: this.options.budget, clock };
    const worker = new Worker(this.entry, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb ?? 512 },
    });
    const slot: Slot = { worker, ready: false, task: null, clock: new Float64Array(clock), kept: null };
    this.slots.add(slot);
    worker.on('message', (message: GradingThreadMessage) => this.onMessage(slot, message));
    worker.on('error', (error: Error & { code?: string }) => this.onDeath(slot, error));
    worker.on('exit', (code) => this.onDeath(slot, new Error(`grading thread exited with code ${code}`)));
  }

  private onMessage(slot: Slot, message: GradingThreadMessage): void {
    if (message.kind === 'ready') slot.ready = true;
    else if (slot.task && message.taskId === slot.task.message.id) this.onTaskMessage(slot, slot.task, message);
    // A report changes nothing the scheduler looks at: skipping it keeps each report's cost on this
    // (the worker's) event loop to one map entry.
    if (message.kind !== 'answered') this.dispatch();
  }

  private onTaskMessage(slot: Slot, task: Task, message: TaskMessage): void {
    switch (message.kind) {
      case 'answered': {
        if (slot.kept?.index !== message.index) slot.kept = { index: message.index, problems: new Map() };
        slot.kept.problems.set(message.problem, { answer: message.answer, reason: message.reason });
        return;
      }
      case 'graded':
        slot.kept = null;
        return this.settle(task.chunk, message.index, { ok: true, grade: message.grade });
      case 'failed':
        slot.kept = null;
        return this.settle(task.chunk, message.index, {
          ok: false,
          error: Object.assign(new Error(message.error.message), { stack: message.error.stack }),
        });
      case 'done':
        slot.task = null;
        return;
      default:
        return assertNever(message);
    }
  }

  private settle(chunk: Chunk, index: number, attempt: GradeAttempt): void {
    if (chunk.results[index]) return;
    chunk.results[index] = attempt;
    chunk.left -= 1;
    if (chunk.left === 0) chunk.resolve(chunk.results as GradeAttempt[]);
  }

  /**
   * A thread stopped (terminated past a budget, out of memory, or crashed): the submission it was
   * on is answered, from the problems it had reported graded where it is stopped rather than
   * failed; the rest of its task goes first in the queue for another thread.
   */
  private retire(
    slot: Slot,
    current: (submission: SubmissionToGrade, kept: ReadonlyMap<number, ProblemGrade> | undefined) => GradeAttempt,
  ): void {
    if (!this.slots.delete(slot)) return;
    const task = slot.task;
    slot.task = null;
    if (task) {
      const running = slot.clock[0]! > 0 ? slot.clock[1]! : null;
      const kept = slot.kept?.index === running ? slot.kept?.problems : undefined;
      if (running !== null) this.settle(task.chunk, running, current(task.chunk.submissions[running]!, kept));
      const left = task.message.submissions.map((entry) => entry.index).filter((index) => !task.chunk.results[index]);
      if (left.length > 0) this.enqueue(task.chunk, left, true);
    }
    this.dispatch();
  }

  private onDeath(slot: Slot, error: Error & { code?: string }): void {
    if (!this.slots.has(slot)) return;
    if (!slot.ready) {
      // A thread that cannot even start would fail every chunk the same way: say so to all of them.
      this.slots.delete(slot);
      for (const task of this.queue.splice(0)) task.chunk.reject(error);
      return;
    }
    const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    this.retire(slot, (submission, kept) =>
      outOfMemory ? { ok: true, grade: stoppedGrade(submission, this.options.budget, kept) } : { ok: false, error },
    );
  }

  private overBudget(slot: Slot): void {
    this.retire(slot, (submission, kept) => ({ ok: true, grade: stoppedGrade(submission, this.options.budget, kept) }));
    void slot.worker.terminate();
  }

  /** Starts the threads (and the spare) now, so the first chunk does not wait for them to load the CAS. */
  warm(): void {
    this.started = true;
    this.dispatch();
  }

  /**
   * At most `threads` grade at once; one more is kept loaded and idle, so a thread stopped at a
   * budget is replaced at once and the chunks behind it do not wait for a new thread to load.
   */
  private dispatch(): void {
    if (this.closed) return;
    this.started ||= this.queue.length > 0;
    let busy = [...this.slots].filter((slot) => slot.task).length;
    for (const slot of this.slots) {
      if (this.queue.length === 0 || busy >= this.options.threads) break;
      if (!slot.ready || slot.task) continue;
      slot.task = this.queue.shift()!;
      slot.worker.postMessage(slot.task.message);
      busy += 1;
    }
    if (this.started)
      for (let missing = this.options.threads + 1 - this.slots.size; missing > 0; missing--) this.spawn();
    this.watch();
  }

  /** Checks running submissions against their budget while any thread is busy. */
  private watch(): void {
    const busy = [...this.slots].some((slot) => slot.task);
    if (!busy && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = null;
    } else if (busy && !this.watchdog) {
      const tickMs = Math.max(10, Math.min(100, this.options.budget.timeMs / 4));
      this.watchdog = setInterval(() => {
        for (const slot of [...this.slots]) {
          const startedAt = slot.clock[0]!;
          if (slot.task && startedAt > 0 && Date.now() - startedAt > this.options.budget.timeMs) this.overBudget(slot);
        }
      }, tickMs);
      this.watchdog.unref();
    }
  }
}
