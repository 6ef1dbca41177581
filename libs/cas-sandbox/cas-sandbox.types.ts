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

export type CasRequest =
  { id: number; kind: 'checkAnswer'; args: CheckAnswerArgs } | { id: number; kind: 'checkSteps'; args: CheckStepsArgs };

export type CasResponse =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'failed'; id: number; error: { message: string; stack?: string } };

/** What a handlers module (the real CAS, or a test stand-in) exports. */
export interface CasHandlers {
  checkAnswer: (expected: string, given: string, policy?: CheckAnswerArgs['policy']) => AnswerVerdict;
  checkSteps: (args: CheckStepsArgs) => StepsResult;
}

/** Data every sandbox worker starts with. */
export interface CasWorkerData {
  /** file: URL of a module exporting checkAnswer/checkSteps; absent means the real CAS. */
  handlersModule?: string;
}
