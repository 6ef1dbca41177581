import { checkSteps } from './check-steps.js';
import type { GradingPolicy } from './grading.types.js';
import { scoreAnswer } from './score-answer.js';

// Grades every problem of one submission: the same function serves the cpu worker and the CLI's
// `grade --local`, so a result never depends on where it was computed.

export interface ProblemForGrading {
  key: string;
  statement: string;
  answer: string | null;
  definitions: Record<string, string>;
  points: number;
  policy: GradingPolicy;
  /** Teacher's worked steps or a trusted model-written solution, when there is one. */
  referenceSteps?: (string | { text: string; required?: boolean })[];
}

export interface StudentAnswer {
  problemKey: string;
  steps: string[];
}

export interface GradedAnswer {
  problemKey: string;
  score: number;
  maxScore: number;
  finalAnswer: ReturnType<typeof checkSteps>['finalAnswer'];
  firstErrorStep: number | null;
  steps: ReturnType<typeof checkSteps>['steps'];
  skippedReferenceSteps: number[];
  feedback: string;
}

export interface GradedSubmission {
  score: number;
  maxScore: number;
  answers: GradedAnswer[];
  unverifiedSteps: number;
}

const roundScore = (value: number) => Math.round(value * 100) / 100;

function feedbackFor(
  check: ReturnType<typeof checkSteps>,
  referenceSteps: NonNullable<ProblemForGrading['referenceSteps']>,
): string {
  const lines: string[] = [];
  if (check.firstErrorStep !== null) {
    const step = check.steps[check.firstErrorStep];
    lines.push(`First error in step ${check.firstErrorStep + 1}: ${step?.reason ?? 'this step is not right'}.`);
  }
  const verdict = check.finalAnswer.verdict;
  if (verdict === 'correct') lines.push('The final answer is correct.');
  else if (verdict === 'incorrect')
    lines.push(
      `The final answer ${check.finalAnswer.given ?? ''} does not match the expected answer.`.replace('  ', ' '),
    );
  else if (verdict === 'missing') lines.push('No final answer was found.');
  else lines.push('The final answer could not be compared with a key.');
  const skipped = (check.skippedReferenceSteps ?? []).map((index) => referenceText(referenceSteps[index]));
  if (skipped.length > 0) lines.push(`Not found in the work: ${skipped.join('; ')}.`);
  return lines.join(' ');
}

function referenceText(step: NonNullable<ProblemForGrading['referenceSteps']>[number] | undefined): string {
  if (step === undefined) return '';
  return typeof step === 'string' ? step : step.text;
}

/** Problems the student did not answer score 0 and report a missing final answer. */
export function gradeSubmission(problems: ProblemForGrading[], answers: StudentAnswer[]): GradedSubmission {
  const answersByKey = new Map(answers.map((answer) => [answer.problemKey, answer]));
  const graded = problems.map((problem): GradedAnswer => {
    const steps = answersByKey.get(problem.key)?.steps ?? [];
    const reference =
      problem.referenceSteps && problem.referenceSteps.length > 0 ? { steps: problem.referenceSteps } : undefined;
    const check = checkSteps({
      problem: problem.statement,
      steps,
      answer: problem.answer,
      definitions: problem.definitions,
      policy: problem.policy,
      reference,
    });
    return {
      problemKey: problem.key,
      score:
        steps.length === 0
          ? 0
          : roundScore(scoreAnswer(check, problem.policy, problem.points, check.missingRequiredSteps ?? [])),
      maxScore: problem.points,
      finalAnswer: check.finalAnswer,
      firstErrorStep: check.firstErrorStep,
      steps: check.steps,
      skippedReferenceSteps: check.skippedReferenceSteps ?? [],
      feedback:
        steps.length === 0 ? 'This problem was not answered.' : feedbackFor(check, problem.referenceSteps ?? []),
    };
  });
  return {
    score: roundScore(graded.reduce((sum, answer) => sum + answer.score, 0)),
    maxScore: roundScore(graded.reduce((sum, answer) => sum + answer.maxScore, 0)),
    answers: graded,
    unverifiedSteps: graded.reduce(
      (sum, answer) => sum + answer.steps.filter((step) => step.verdict === 'unverified').length,
      0,
    ),
  };
}
