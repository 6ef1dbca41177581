// The step checker's public shapes (API.md): one result per step, the final-answer verdict, and the
// policy knobs that change how answers are compared and scored.
export type StepVerdict = 'correct' | 'incorrect' | 'carried_error' | 'unverified';
/** `answer_key`: a bare final answer (`4`, `x = 4`) with nothing else to check, decided by the key. */
/** `reference`: true line by line, but where the work leaves the reference's quantities for good. */
export type StepMethod = 'cas' | 'numeric' | 'llm' | 'teacher' | 'answer_key' | 'reference' | 'none';

export interface StepResult {
  index: number;
  text: string;
  verdict: StepVerdict;
  method: StepMethod;
  reason: string;
  /** The reference step making the same claims as this step (null: none, or no reference). */
  matchesReferenceStep: number | null;
  /**
   * false: the step was checked but shows no work (`2 = 2`, a number restated, a bare answer the key
   * decided): it earns no step share and is left out of the step denominator. Absent: it counts.
   */
  stepCredit?: false;
  /** What a model said about a step the CAS left unverified: shown as an opinion, never a verdict. */
  modelOpinion?: { verdict: 'correct' | 'incorrect' | 'unverified'; reason: string };
  /**
   * Where in `text` the claim that decided the verdict was written (UTF-16 offsets, end exclusive):
   * the false equation, the refuted solution, the answer the key rejects, the claim that used an
   * earlier error. Absent when no single claim decided the step.
   */
  span?: { start: number; end: number };
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
  /** The reference solution to compare with (matchesReferenceStep / skippedReferenceSteps). */
  reference?: ReferenceInput;
}

/** A reference step is its text, or its text marked `required` (skipping it costs points). */
export type ReferenceStepInput = string | { text: string; required?: boolean };

export interface ReferenceInput {
  steps: ReferenceStepInput[];
  answer?: string | null;
}

export interface StepCheck {
  firstErrorStep: number | null;
  finalAnswer: FinalAnswerResult;
  steps: StepResult[];
  /** Reference steps no student step made the claims of (checkSteps always sets it; [] without a reference). */
  skippedReferenceSteps?: number[];
  /** The skipped reference steps marked `required`, each costing missingRequiredStepPenalty (always set by checkSteps). */
  missingRequiredSteps?: number[];
}
