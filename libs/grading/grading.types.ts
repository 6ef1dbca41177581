// The step checker's public shapes (API.md): one result per step, the final-answer verdict, and the
// policy knobs that change how answers are compared and scored.
export type StepVerdict = 'correct' | 'incorrect' | 'carried_error' | 'unverified';
export type StepMethod = 'cas' | 'numeric' | 'llm' | 'teacher' | 'none';

export interface StepResult {
  index: number;
  text: string;
  verdict: StepVerdict;
  method: StepMethod;
  reason: string;
  /** Reference comparison is not wired yet: always null until `reference` input lands. */
  matchesReferenceStep: number | null;
}

export interface FinalAnswerResult {
  given: string | null;
  expected: string | null;
  verdict: 'correct' | 'incorrect' | 'missing' | 'unverified';
  parts?: { name: string; verdict: string }[];
}

export interface GradingPolicy {
  answerWeight?: number;
  errorCarriedForward?: boolean;
  relativeTolerance?: number;
  acceptRoundedTo?: number | null;
  missingRequiredStepPenalty?: number;
}

export interface CheckStepsInput {
  problem: string;
  steps: string[];
  answer?: string | null;
  definitions?: Record<string, string>;
  policy?: GradingPolicy;
  /** Reserved for reference comparison (matchesReferenceStep / skippedReferenceSteps). */
  reference?: { steps: string[] };
}

export interface StepCheck {
  firstErrorStep: number | null;
  finalAnswer: FinalAnswerResult;
  steps: StepResult[];
}
