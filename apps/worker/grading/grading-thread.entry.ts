// Worker-thread entry of the grading threads (grading-threads.ts): grades the submissions of a
// chunk one after another within each one's budget. A check that never returns is the pool's to
// stop (it terminates this thread); the pool sees which submission runs, and since when, in the
// shared clock, without a message per submission.
import { parentPort, workerData } from 'node:worker_threads';
import { type BudgetedGrade, type GradingBudget, gradeWithinBudget, type SubmissionToGrade } from './grading-budget.js';

export interface GradingTask {
  id: number;
  /** The chunk's submissions with their index in the chunk. */
  submissions: { index: number; submission: SubmissionToGrade }[];
}

export type GradingThreadMessage =
  | { kind: 'ready' }
  | { kind: 'graded'; taskId: number; index: number; grade: BudgetedGrade }
  | { kind: 'failed'; taskId: number; index: number; error: { message: string; stack?: string } }
  | { kind: 'done'; taskId: number };

export interface GradingThreadData {
  budget: GradingBudget;
  /** [Date.now() when the current submission started (0: idle), its index in the chunk]. */
  clock: SharedArrayBuffer;
}

if (!parentPort) throw new Error('grading-thread.entry must run in a worker thread');
const port = parentPort;
const { budget, clock } = workerData as GradingThreadData;
const shared = new Float64Array(clock);

port.on('message', (task: GradingTask) => {
  for (const { index, submission } of task.submissions) {
    shared[1] = index;
    shared[0] = Date.now();
    let message: GradingThreadMessage;
    try {
      message = { kind: 'graded', taskId: task.id, index, grade: gradeWithinBudget(submission, budget) };
    } catch (error) {
      // A grader exception is a bug: the pool fails that submission's job with it, never hides it.
      const failure = error instanceof Error ? error : new Error(String(error));
      message = { kind: 'failed', taskId: task.id, index, error: { message: failure.message, stack: failure.stack } };
    }
    shared[0] = 0;
    port.postMessage(message);
  }
  port.postMessage({ kind: 'done', taskId: task.id } satisfies GradingThreadMessage);
});
port.postMessage({ kind: 'ready' } satisfies GradingThreadMessage);
