import { stepsStopped } from '../../../libs/cas-sandbox/timeout-verdicts.js';
import {
  type GradedAnswer,
  gradeSubmission,
  type ProblemForGrading,
  type StudentAnswer,
} from '../../../libs/grading/grade-submission.js';

// A submission's grading budget (GRADING.md, Budget): steps checked and time spent. Problems past
// either are not checked: their steps are `unverified` with the reason, and the submission still
// completes. Problems are graded one at a time with libs/grading's gradeSubmission, so a result
// within the budget is exactly what grading the whole submission at once gives.

export interface GradingBudget {
  /** Time for the whole submission, in ms; a check still running past it is stopped. */
  timeMs: number;
  /** Steps checked per submission at most. */
  maxSteps: number;
}

export interface SubmissionToGrade {
  problems: ProblemForGrading[];
  answers: StudentAnswer[];
}

export interface BudgetedGrade {
  answers: GradedAnswer[];
  /** The answers the budget left unchecked, and why; empty when the submission was within it. */
  unchecked: { problemKey: string; reason: string }[];
}

export const timeBudgetReason = (budget: GradingBudget) =>
  `not checked: this submission's grading time budget (${budget.timeMs} ms) was spent`;
export const stoppedReason = (budget: GradingBudget) =>
  `not checked: the check ran past this submission's grading time budget (${budget.timeMs} ms) and was stopped`;
export const sizeBudgetReason = (budget: GradingBudget) =>
  `not checked: this submission is over the grading size budget (${budget.maxSteps} steps)`;

/** An answer the budget left unchecked: no points, every step unverified with the reason. */
export function uncheckedAnswer(problem: ProblemForGrading, steps: string[], reason: string): GradedAnswer {
  const stopped = stepsStopped({ problem: problem.statement, steps, answer: problem.answer }, reason);
  return {
    problemKey: problem.key,
    score: 0,
    maxScore: problem.points,
    finalAnswer: stopped.finalAnswer,
    firstErrorStep: null,
    steps: stopped.steps,
    skippedReferenceSteps: [],
    feedback: `This answer was ${reason.replace(/^not checked: /, 'not checked because ')}.`,
  };
}

export function gradeWithinBudget(
  submission: SubmissionToGrade,
  budget: GradingBudget,
  now: () => number = () => performance.now(),
): BudgetedGrade {
  const started = now();
  const stepsOf = new Map(submission.answers.map((answer) => [answer.problemKey, answer.steps]));
  let stepsLeft = budget.maxSteps;
  const unchecked: BudgetedGrade['unchecked'] = [];
  const answers = submission.problems.map((problem) => {
    const steps = stepsOf.get(problem.key) ?? [];
    let reason: string | null = null;
    if (steps.length > 0 && now() - started >= budget.timeMs) reason = timeBudgetReason(budget);
    else if (steps.length > stepsLeft) reason = sizeBudgetReason(budget);
    if (reason) {
      unchecked.push({ problemKey: problem.key, reason });
      return uncheckedAnswer(problem, steps, reason);
    }
    stepsLeft -= steps.length;
    return gradeSubmission([problem], [{ problemKey: problem.key, steps }]).answers[0]!;
  });
  return { answers, unchecked };
}

/** A submission whose check had to be stopped: nothing of it is trusted, every answer unchecked. */
export function stoppedGrade(submission: SubmissionToGrade, budget: GradingBudget): BudgetedGrade {
  const stepsOf = new Map(submission.answers.map((answer) => [answer.problemKey, answer.steps]));
  const reason = stoppedReason(budget);
  const answered = submission.problems.filter((problem) => (stepsOf.get(problem.key) ?? []).length > 0);
  return {
    answers: submission.problems.map((problem) => {
      const steps = stepsOf.get(problem.key) ?? [];
      // An unanswered problem needs no check: it reads as not answered, as it would have.
      if (steps.length === 0) return gradeSubmission([problem], []).answers[0]!;
      return uncheckedAnswer(problem, steps, reason);
    }),
    unchecked: answered.map((problem) => ({ problemKey: problem.key, reason })),
  };
}

const roundScore = (value: number) => Math.round(value * 100) / 100;

/** The submission's totals from its answers, as gradeSubmission computes them. */
export function totals(answers: GradedAnswer[]): { score: number; maxScore: number } {
  return {
    score: roundScore(answers.reduce((sum, answer) => sum + answer.score, 0)),
    maxScore: roundScore(answers.reduce((sum, answer) => sum + answer.maxScore, 0)),
  };
}
