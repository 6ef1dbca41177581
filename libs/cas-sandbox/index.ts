// Runs checkAnswer/checkSteps (and other handler modules) in worker threads with a per-call deadline (see README.md).
export { createCasSandbox } from './cas-sandbox.pool.js';
export type { CasSandbox, CasSandboxOptions } from './cas-sandbox.pool.js';
export type { AnswerVerdict, CheckAnswerArgs, CheckStepsArgs, StepsResult } from './cas-sandbox.types.js';
export { createThreadPool, PoolBusyError, type ThreadPool, type ThreadPoolOptions } from './thread-pool.js';
export { tooLongReason } from './timeout-verdicts.js';
export { compiledModule } from './worker-entry-path.js';
