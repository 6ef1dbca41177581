// Public surface of the step checker: checkSteps (verdict per step, first error, final answer) and
// scoreAnswer (points from those verdicts and the policy).
export { checkSteps } from './check-steps.js';
export { scoreAnswer, scoreBreakdown } from './score-answer.js';
export type { ScoreBreakdown } from './score-answer.js';
export type {
  CheckStepsInput,
  FinalAnswerResult,
  GradingPolicy,
  ReferenceInput,
  ReferenceStepInput,
  StepCheck,
  StepMethod,
  StepResult,
  StepVerdict,
} from './grading.types.js';
export { verifyReference, type ReferenceCandidate, type ReferenceVerdict } from './reference-check.js';
export {
  applyJudgements,
  type JudgeableStep,
  judgeableSteps,
  judgementKey,
  type ModelJudgement,
} from './judgement-overlay.js';
