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
// within the budget is exactly what grading the whole submission at once gives, and a submission
// whose check is stopped can keep the problems graded before the stop (stoppedGrade).

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

/** An answered problem's grade as the budget gave it; `reason` when the budget left it unchecked. */
export interface ProblemGrade {
  answer: GradedAnswer;
  reason: string | null;
}

export interface BudgetOptions {
  now?: () => number;
  /**
   * Told each answered problem's grade (by its index in `problems`) as soon as it is known, so a
   * submission stopped later keeps the problems already graded (grading-thread.entry.ts).
   */
  onProblem?: (problem: number, graded: ProblemGrade) => void;
}

const stepsByKey = (submission: SubmissionToGrade) =>
  new Map(submission.answers.map((answer) => [answer.problemKey, answer.steps]));

/** The indices of the problems the submission answered (with at least one step). */
export function answeredProblems(submission: SubmissionToGrade): number[] {
  const stepsOf = stepsByKey(submission);
  return submission.problems.flatMap((problem, index) => ((stepsOf.get(problem.key) ?? []).length > 0 ? [index] : []));
}

export function gradeWithinBudget(
  submission: SubmissionToGrade,
  budget: GradingBudget,
  { now = () => performance.now(), onProblem }: BudgetOptions = {},
): BudgetedGrade {
  const started = now();
  const stepsOf = stepsByKey(submission);
  let stepsLeft = budget.maxSteps;
  const unchecked: BudgetedGrade['unchecked'] = [];
  const answers = submission.problems.map((problem, index) => {
    const steps = stepsOf.get(problem.key) ?? [];
    let reason: string | null = null;
    if (steps.length > 0 && now() - started >= budget.timeMs) reason = timeBudgetReason(budget);
    else if (steps.length > stepsLeft) reason = sizeBudgetReason(budget);
    if (reason) unchecked.push({ problemKey: problem.key, reason });
    else stepsLeft -= steps.length;
    const answer = reason
      ? uncheckedAnswer(problem, steps, reason)
      : gradeSubmission([problem], [{ problemKey: problem.key, steps }]).answers[0]!;
    if (steps.length > 0) onProblem?.(index, { answer, reason });
    return answer;
  });
  return { answers, unchecked };
}

/**
 * A submission whose check had to be stopped. The problems in `kept` (by index) were graded before
 * the stop and keep their grade; every other answered problem is unchecked with the stopped reason,
 * since nothing of a check cut short is trusted. An unanswered problem needs no check: it reads as
 * not answered, as it would have.
 */
export function stoppedGrade(
  submission: SubmissionToGrade,
  budget: GradingBudget,
  kept: ReadonlyMap<number, ProblemGrade> = new Map(),
): BudgetedGrade {
  const stepsOf = stepsByKey(submission);
  const stopped = stoppedReason(budget);
  const unchecked: BudgetedGrade['unchecked'] = [];
  const answers = submission.problems.map((problem, index) => {
    const steps = stepsOf.get(problem.key) ?? [];
    if (steps.length === 0) return gradeSubmission([problem], []).answers[0]!;
    const { answer, reason } = kept.get(index) ?? { answer: uncheckedAnswer(problem, steps, stopped), reason: stopped };
    if (reason) unchecked.push({ problemKey: problem.key, reason });
    return answer;
  });
  return { answers, unchecked };
}

const roundScore = (value: number) => Math.round(value * 100) / 100;

/** The submission's totals from its answers, as gradeSubmission computes them. */
export function totals(answers: GradedAnswer[]): { score: number; maxScore: number } {
  return {
    score: roundScore(answers.reduce((sum, answer) => sum + answer.score, 0)),
    maxScore: roundScore(answers.reduce((sum, answer) => sum + answer.maxScore, 0)),
  };
}
