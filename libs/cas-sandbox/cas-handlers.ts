// The real CAS as a handlers module for the thread pool: each handler takes one argument object.
import { checkAnswer as compareAnswers } from '../math/index.js';
import type { CheckAnswerArgs, CheckStepsArgs } from './cas-sandbox.types.js';
import { checkSteps as checkWork } from '../grading/index.js';

export const checkAnswer = (args: CheckAnswerArgs) => compareAnswers(args.expected, args.given, args.policy);
export const checkSteps = (args: CheckStepsArgs) => checkWork(args);
