// Worker-thread entry of the grading threads (grading-threads.ts): grades the submissions of a
// chunk one after another within each one's budget. A check that never returns is the pool's to
// stop (it terminates this thread); the pool sees which submission runs, and since when, in the
// shared clock, without a message per submission. A submission with more than one answered
// problem also reports each problem's grade as it is known ('answered'), so a stop keeps those.
import { parentPort, workerData } from 'node:worker_threads';
import {
  answeredProblems,
  type BudgetedGrade,
  type BudgetOptions,
  type GradingBudget,
  gradeWithinBudget,
  type ProblemGrade,
  type SubmissionToGrade,
} from './grading-budget.js';

export interface GradingTask {
  id: number;
  /** The chunk's submissions with their index in the chunk. */
  submissions: { index: number; submission: SubmissionToGrade }[];
}

export type GradingThreadMessage =
  | { kind: 'ready' }
  /** One problem of the running submission graded: `problem` is its index in the submission's problems. */
  | ({ kind: 'answered'; taskId: number; index: number; problem: number } & ProblemGrade)
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

/**
 * Where a stop could cost graded problems, reports each one. Not for a submission with one answered
 * problem (nothing graded before a stop to keep, and most submissions are small: a message each
 * would cost throughput), nor for the last answered problem, whose grade follows at once in 'graded'.
 */
function reporter(taskId: number, index: number, submission: SubmissionToGrade): BudgetOptions['onProblem'] {
  const answered = answeredProblems(submission);
  if (answered.length < 2) return undefined;
  const last = answered.at(-1);
  return (problem, graded) => {
    if (problem !== last)
      port.postMessage({ kind: 'answered', taskId, index, problem, ...graded } satisfies GradingThreadMessage);
  };
}

port.on('message', (task: GradingTask) => {
  for (const { index, submission } of task.submissions) {
    shared[1] = index;
    shared[0] = Date.now();
    let message: GradingThreadMessage;
    try {
      const onProblem = reporter(task.id, index, submission);
      message = { kind: 'graded', taskId: task.id, index, grade: gradeWithinBudget(submission, budget, { onProblem }) };
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
