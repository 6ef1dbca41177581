// Runs checkAnswer/checkSteps in worker threads with a per-call deadline (see README.md).
export { createCasSandbox } from './cas-sandbox.pool.js';
export type { CasSandbox, CasSandboxOptions } from './cas-sandbox.pool.js';
export type { AnswerVerdict, CheckAnswerArgs, CheckStepsArgs, StepsResult } from './cas-sandbox.types.js';
export { tooLongReason } from './timeout-verdicts.js';
