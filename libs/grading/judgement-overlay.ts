import { createHash } from 'node:crypto';
import type { GradedAnswer } from './grade-submission.js';

// Model judgement of prose steps (GRADING.md rule 1): only steps the CAS left `unverified` are
// ever sent to a model, and its verdict is shown with method "llm" but earns no points: the score
// stays the CAS score, so a student's text can never talk a model into extra credit.

export interface JudgeableStep {
  problemKey: string;
  stepIndex: number;
  stepText: string;
  precedingSteps: string[];
}

export interface ModelJudgement {
  verdict: 'correct' | 'incorrect' | 'unverified';
  reason: string;
}

/** The steps of a graded submission a model may judge: unverified ones with some text. */
export function judgeableSteps(answers: GradedAnswer[]): JudgeableStep[] {
  return answers.flatMap((answer) =>
    answer.steps
      .filter((step) => step.verdict === 'unverified' && step.text.trim().length > 0)
      .map((step) => ({
        problemKey: answer.problemKey,
        stepIndex: step.index,
        stepText: step.text,
        precedingSteps: answer.steps.slice(0, step.index).map((earlier) => earlier.text),
      })),
  );
}

/** Identity of a judgement: the same step in the same context is judged once, for everyone. */
export function judgementKey(input: {
  problemId: string;
  revision: number;
  stepText: string;
  precedingSteps: string[];
  promptVersion: string;
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([input.problemId, input.revision, input.promptVersion, input.precedingSteps, input.stepText]),
    )
    .digest('hex');
}

/** Shows the model's verdicts on the steps it judged; the first error may now be a model-flagged step. */
export function applyJudgements(answer: GradedAnswer, judgements: Map<number, ModelJudgement>): GradedAnswer {
  if (judgements.size === 0) return answer;
  const steps = answer.steps.map((step) => {
    const judgement = judgements.get(step.index);
    if (!judgement || step.verdict !== 'unverified') return step;
    return {
      ...step,
      verdict: judgement.verdict,
      method: 'llm' as const,
      reason: `model judgement (no points): ${judgement.reason}`,
    };
  });
  const firstError = steps.find((step) => step.verdict === 'incorrect');
  return { ...answer, steps, firstErrorStep: answer.firstErrorStep ?? firstError?.index ?? null };
}
