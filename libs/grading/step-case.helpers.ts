// Shared shape of the step-checking case tables (step-*.cases.ts), written from docs/grading.md in
// the format of the worked examples in test/fixtures/examples/*.json. Step indices are 0-based;
// incorrectSteps and carriedSteps list exactly the steps with those verdicts, every other step is
// correct or unverified. CAS only (no model).
export type FinalVerdict = 'correct' | 'incorrect' | 'missing' | 'unverified';

export interface StepExpectation {
  firstErrorStep: number | null;
  finalAnswer: FinalVerdict;
  incorrectSteps: number[];
  carriedSteps: number[];
  /** A root the reason of `step` must name (lost or gained by that step). */
  namesRoot?: { step: number; root: string };
}

export interface StepCase {
  name: string;
  problem: string;
  definitions?: Record<string, string>;
  answer?: string;
  steps: string[];
  expect: StepExpectation;
}

export interface Submission {
  name: string;
  steps: string[];
  expect: StepExpectation;
}

export interface Problem {
  key: string;
  statement: string;
  definitions?: Record<string, string>;
  answer?: string;
  submissions: Submission[];
}

export const ok = (name: string, steps: string[]): Submission => ({
  name,
  steps,
  expect: { firstErrorStep: null, finalAnswer: 'correct', incorrectSteps: [], carriedSteps: [] },
});

/** Work with errors: the first error is the first incorrect step. */
export const wrong = (
  name: string,
  steps: string[],
  finalAnswer: FinalVerdict,
  incorrectSteps: number[],
  carriedSteps: number[],
  namesRoot?: { step: number; root: string },
): Submission => ({
  name,
  steps,
  expect: {
    firstErrorStep: incorrectSteps.length ? Math.min(...incorrectSteps) : null,
    finalAnswer,
    incorrectSteps,
    carriedSteps,
    ...(namesRoot ? { namesRoot } : {}),
  },
});

export const flatten = (problems: Problem[]): StepCase[] =>
  problems.flatMap((problem) =>
    problem.submissions.map((submission) => ({
      name: `${problem.key}: ${submission.name}`,
      problem: problem.statement,
      ...(problem.definitions ? { definitions: problem.definitions } : {}),
      ...(problem.answer !== undefined ? { answer: problem.answer } : {}),
      steps: submission.steps,
      expect: submission.expect,
    })),
  );
