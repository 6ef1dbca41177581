// Shapes shared by the pool (main thread) and the worker entry (worker thread).
import type { checkAnswer } from '../math/index.js';
import type { checkSteps } from '../grading/index.js';

export interface CheckAnswerArgs {
  expected: string;
  given: string;
  policy?: Parameters<typeof checkAnswer>[2];
}
export type AnswerVerdict = ReturnType<typeof checkAnswer>;
export type CheckStepsArgs = Parameters<typeof checkSteps>[0];
export type StepsResult = ReturnType<typeof checkSteps>;

/** One call: the name of a handler exported by the handlers module, and its one argument. */
export interface PoolRequest {
  id: number;
  kind: string;
  args: unknown;
}

export type PoolResponse =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'failed'; id: number; error: { message: string; stack?: string } };

/** What the CAS handlers module (the real CAS, or a test stand-in) exports. */
export interface CasHandlers {
  checkAnswer: (args: CheckAnswerArgs) => AnswerVerdict;
  checkSteps: (args: CheckStepsArgs) => StepsResult;
}

/** Data every pool worker starts with. */
export interface PoolWorkerData {
  /** file: URL of a module whose exported functions are the handlers; absent means the real CAS. */
  handlersModule?: string;
}
