import type { Prisma } from '../generated/prisma/client.js';
import { newId } from '../ids.js';

/** One answer of a result version as stored (steps and final answer as JSON). */
export interface AnswerResultRow {
  problemKey: string;
  score: number;
  maxScore: number;
  finalAnswer: unknown;
  firstErrorStep: number | null;
  steps: unknown;
  skippedReferenceSteps: unknown;
  feedback: string;
}

/** Writes the answers of one result version (the grader's and an override's use the same rows). */
export async function writeAnswerResults(
  tx: Prisma.TransactionClient,
  resultId: string,
  answers: AnswerResultRow[],
): Promise<void> {
  await tx.answerResult.createMany({
    data: answers.map((answer) => ({
      id: newId(),
      resultId,
      problemKey: answer.problemKey,
      score: answer.score,
      maxScore: answer.maxScore,
      finalAnswer: answer.finalAnswer as Prisma.InputJsonValue,
      firstErrorStep: answer.firstErrorStep,
      steps: answer.steps as Prisma.InputJsonValue,
      skippedReferenceSteps: answer.skippedReferenceSteps as Prisma.InputJsonValue,
      feedback: answer.feedback,
    })),
  });
}
