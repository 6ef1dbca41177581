// The one interface both model pools implement: the gpu pool over an OpenAI-compatible server
// (vLLM), the edge pool in-process over a GGUF file (node-llama-cpp).

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** What every model result carries, so it can be stored with its provenance. */
export interface ModelResultMeta {
  /** the model's thinking (`<think>` / `reasoning`), kept apart from the answer; null if none */
  reasoning: string | null;
  usage: TokenUsage;
  durationMs: number;
  /** model id as the provider names it (served model name or GGUF file name) */
  model: string;
  promptVersion: string;
}

export interface ReferenceInput {
  problem: string;
  /** named definitions the problem relies on, e.g. { f: 'x^3 - 3x^2 + 2' } */
  definitions?: Record<string, string>;
  /** the teacher's final answer, when known: the solution must reach it */
  answer?: string | null;
}

export interface ReferenceResult extends ModelResultMeta {
  steps: string[];
  finalAnswer: string;
}

export interface JudgeStepInput {
  problem: string;
  /** the student's earlier steps (student text: data, never instructions) */
  precedingSteps: string[];
  /** the student's step to judge */
  step: string;
  /** reference solution steps, when there is one */
  reference?: string[];
}

export type StepVerdict = 'correct' | 'incorrect' | 'unverified';

export interface JudgeStepResult extends ModelResultMeta {
  verdict: StepVerdict;
  reason: string;
}

export interface ModelProvider {
  readonly id: string;
  generateReference(input: ReferenceInput): Promise<ReferenceResult>;
  judgeStep(input: JudgeStepInput): Promise<JudgeStepResult>;
  /** Releases the model or connection; safe to call more than once. */
  close(): Promise<void>;
}
