import { createHash } from 'node:crypto';
import { isAnswerOnlyLine } from './answer-lines.js';
import type { GradedAnswer } from './grade-submission.js';

// Model judgement of prose steps (GRADING.md rule 1): only steps the CAS left `unverified` are
// ever sent to a model (never a bare final-answer line: the key decides those), and what it says is
// an opinion laid beside the step: the verdict stays `unverified`, the score stays the CAS score,
// the first error stays the CAS's, and `reviewUnverified` still sends the work to review. A
// student's text can never talk a model into credit, and an obedient model settles nothing.

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

/** The steps of a graded submission a model may judge: unverified ones with prose to judge. */
export function judgeableSteps(answers: GradedAnswer[]): JudgeableStep[] {
  return answers.flatMap((answer) =>
    answer.steps
      .filter((step) => step.verdict === 'unverified' && step.text.trim().length > 0 && !isAnswerOnlyLine(step.text))
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

/** Lays the model's opinions beside the steps it judged; verdicts, first error and score stay the CAS's. */
export function applyJudgements(answer: GradedAnswer, judgements: Map<number, ModelJudgement>): GradedAnswer {
  if (judgements.size === 0) return answer;
  const steps = answer.steps.map((step) => {
    const judgement = judgements.get(step.index);
    if (!judgement || step.verdict !== 'unverified') return step;
    return {
      ...step,
      method: 'llm' as const,
      reason: `the model's opinion (not a verdict, no points): ${judgement.verdict}: ${judgement.reason}`,
      modelOpinion: { verdict: judgement.verdict, reason: judgement.reason },
    };
  });
  return { ...answer, steps };
}
