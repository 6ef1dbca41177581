import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../database.js';
import { newId } from '../ids.js';
import type { SubmissionStatus } from './submission.repository.js';

export interface AnswerResultInput {
  problemKey: string;
  score: number;
  maxScore: number;
  finalAnswer: object;
  firstErrorStep: number | null;
  steps: object[];
  skippedReferenceSteps: number[];
  feedback: string;
}

export interface ResultInput {
  submissionId: string;
  version: number;
  status: Extract<SubmissionStatus, 'graded' | 'needs_review'>;
  statusReason: string | null;
  score: number;
  maxScore: number;
  answers: AnswerResultInput[];
}

export interface SaveOutcome {
  /** False when this version was already written: a replayed job changes nothing. */
  written: boolean;
  /** Set when this result was the one that settled its batch. */
  completedBatchId: string | null;
}

export class GradingResultRepository {
  constructor(private readonly prisma: Db) {}

  /**
   * Claims a submission for grading at one result version. Null when the job is stale: the
   * submission was regraded (newer version) or this version is already settled.
   */
  async claim(submissionId: string, version: number) {
    const { count } = await this.prisma.submission.updateMany({
      where: { id: submissionId, resultVersion: version, status: { in: ['queued', 'grading'] } },
      data: { status: 'grading', updatedAt: new Date() },
    });
    if (count === 0) return null;
    return this.prisma.submission.findUnique({
      where: { id: submissionId },
      include: { assignment: { include: { problems: { orderBy: { position: 'asc' } } } } },
    });
  }

  async save(input: ResultInput): Promise<SaveOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const resultId = newId();
      const inserted = await tx.$executeRaw`
        INSERT INTO submission_results (id, submission_id, version, status, status_reason, score, max_score, graded_at)
        VALUES (${resultId}, ${input.submissionId}, ${input.version}, ${input.status}::"SubmissionStatus", ${input.statusReason}, ${input.score}, ${input.maxScore}, now())
        ON CONFLICT (submission_id, version) DO NOTHING`;
      if (inserted === 0) return { written: false, completedBatchId: null };
      await tx.answerResult.createMany({
        data: input.answers.map((answer) => ({
          id: newId(),
          resultId,
          problemKey: answer.problemKey,
          score: answer.score,
          maxScore: answer.maxScore,
          finalAnswer: answer.finalAnswer as Prisma.InputJsonValue,
          firstErrorStep: answer.firstErrorStep,
          steps: answer.steps as Prisma.InputJsonValue,
          skippedReferenceSteps: answer.skippedReferenceSteps,
          feedback: answer.feedback,
        })),
      });
      const submission = await tx.submission.update({
        where: { id: input.submissionId },
        data: {
          status: input.status,
          statusReason: input.statusReason,
          score: input.score,
          maxScore: input.maxScore,
          gradedAt: new Date(),
          updatedAt: new Date(),
        },
        select: { batchId: true },
      });
      return { written: true, completedBatchId: submission.batchId };
    }).then(async (outcome) => {
      // Checked after commit so the last writer of a batch always sees every other result.
      if (!outcome.written || !outcome.completedBatchId) return { ...outcome, completedBatchId: null };
      return { written: true, completedBatchId: await this.completeBatchIfSettled(outcome.completedBatchId) };
    });
  }

  async markFailed(submissionId: string, version: number, reason: string): Promise<string | null> {
    const updated = await this.prisma.submission.updateMany({
      where: { id: submissionId, resultVersion: version, status: { in: ['queued', 'grading'] } },
      data: { status: 'failed', statusReason: reason, updatedAt: new Date() },
    });
    if (updated.count === 0) return null;
    const row = await this.prisma.submission.findUnique({ where: { id: submissionId }, select: { batchId: true } });
    return row?.batchId ? this.completeBatchIfSettled(row.batchId) : null;
  }

  /** Exactly one caller wins the completed_at update, so batch.completed is emitted once. */
  private async completeBatchIfSettled(batchId: string): Promise<string | null> {
    const completed = await this.prisma.$executeRaw`
      UPDATE batches SET completed_at = now()
      WHERE id = ${batchId} AND completed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM submissions WHERE batch_id = ${batchId} AND status IN ('queued', 'grading'))`;
    return completed > 0 ? batchId : null;
  }
}
