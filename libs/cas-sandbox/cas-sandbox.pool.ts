// The CAS on the thread pool: checkAnswer and checkSteps with a per-call deadline. A call stopped at
// its deadline (or its memory limit) resolves with a "could not decide" verdict instead of rejecting.
import type { AnswerVerdict, CheckAnswerArgs, CheckStepsArgs, StepsResult } from './cas-sandbox.types.js';
import { createThreadPool, type ThreadPoolOptions } from './thread-pool.js';
import { answerStopped, stepsStopped } from './timeout-verdicts.js';

export type CasSandboxOptions = ThreadPoolOptions;

export interface CasSandbox {
  /** `lane`: who asks (an organization); lanes share the threads fairly, each within its bounds. */
  checkAnswer(args: CheckAnswerArgs, lane?: string): Promise<AnswerVerdict>;
  checkSteps(args: CheckStepsArgs, lane?: string): Promise<StepsResult>;
  /** Starts every thread now (each loads the CAS), so no call waits for a thread to start. */
  prestart(): void;
  /** Stops every worker; calls not yet answered reject. */
  close(): Promise<void>;
}

export function createCasSandbox(options: CasSandboxOptions): CasSandbox {
  const pool = createThreadPool(options);
  return {
    checkAnswer: (args, lane) => pool.run('checkAnswer', args, { lane, onStop: answerStopped }),
    checkSteps: (args, lane) => pool.run('checkSteps', args, { lane, onStop: (reason) => stepsStopped(args, reason) }),
    prestart: () => pool.prestart(),
    close: () => pool.close(),
  };
}
