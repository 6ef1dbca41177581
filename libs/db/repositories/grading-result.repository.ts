import type { Db } from '../database.js';
import { newId } from '../ids.js';
import { writeAnswerResults } from './answer-results.writer.js';
import type { SubmissionStatus } from './submission.repository.js';
import { recordOutboxEvents, WebhookOutboxNotifier } from './webhook-event-outbox.js';

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
  constructor(
    private readonly prisma: Db,
    /** Told after commit which webhook outbox rows a result or batch completion wrote. */
    private readonly outbox: WebhookOutboxNotifier = new WebhookOutboxNotifier(),
  ) {}

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
      include: {
        assignment: {
          include: {
            problems: {
              orderBy: { position: 'asc' },
              // The trusted references; the caller keeps the one of each problem's current revision.
              include: { references: { where: { status: 'ready' }, orderBy: { updatedAt: 'desc' } } },
            },
          },
        },
      },
    });
  }

  async save(input: ResultInput): Promise<SaveOutcome> {
    return this.prisma
      .$transaction(async (tx) => {
        const resultId = newId();
        const inserted = await tx.$executeRaw`
        INSERT INTO submission_results (id, submission_id, version, status, status_reason, score, max_score, graded_at)
        VALUES (${resultId}, ${input.submissionId}, ${input.version}, ${input.status}::"SubmissionStatus", ${input.statusReason}, ${input.score}, ${input.maxScore}, now())
        ON CONFLICT (submission_id, version) DO NOTHING`;
        if (inserted === 0) return { written: false, completedBatchId: null, eventIds: [] as string[] };
        await writeAnswerResults(tx, resultId, input.answers);
        // A regrade that bumped the version meanwhile wins: this result is kept as history, but the
        // submission's current state (and its events) belong to the newer version.
        const current = await tx.submission.updateMany({
          where: { id: input.submissionId, resultVersion: input.version },
          data: {
            status: input.status,
            statusReason: input.statusReason,
            score: input.score,
            maxScore: input.maxScore,
            gradedAt: new Date(),
            updatedAt: new Date(),
          },
        });
        if (current.count === 0) return { written: true, completedBatchId: null, eventIds: [] as string[] };
        const submission = await tx.submission.findUniqueOrThrow({
          where: { id: input.submissionId },
          select: { batchId: true, orgId: true },
        });
        // The outbox rows commit with the result (ARCHITECTURE.md, Deliver).
        const eventIds = await recordOutboxEvents(tx, {
          orgId: submission.orgId,
          type: input.status === 'graded' ? 'submission.graded' : 'submission.needs_review',
          submissionId: input.submissionId,
          resultVersion: input.version,
        });
        return { written: true, completedBatchId: submission.batchId, eventIds };
      })
      .then(async ({ eventIds, ...outcome }) => {
        await this.outbox.committed(eventIds);
        // Checked after commit so the last writer of a batch always sees every other result.
        if (!outcome.written || !outcome.completedBatchId) return { ...outcome, completedBatchId: null };
        return { written: true, completedBatchId: await this.completeBatchIfSettled(outcome.completedBatchId) };
      });
  }

  async markFailed(submissionId: string, version: number, reason: string): Promise<string | null> {
    return this.settleWithoutResult(submissionId, version, 'failed', reason);
  }

  /** needs_review without a result: nothing trustworthy to grade against yet. */
  async markNeedsReview(submissionId: string, version: number, reason: string): Promise<string | null> {
    return this.settleWithoutResult(submissionId, version, 'needs_review', reason);
  }

  private async settleWithoutResult(
    submissionId: string,
    version: number,
    status: 'failed' | 'needs_review',
    reason: string,
  ): Promise<string | null> {
    const settled = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.submission.updateMany({
        where: { id: submissionId, resultVersion: version, status: { in: ['queued', 'grading'] } },
        data: { status, statusReason: reason, updatedAt: new Date() },
      });
      if (updated.count === 0) return null;
      const row = await tx.submission.findUniqueOrThrow({
        where: { id: submissionId },
        select: { batchId: true, orgId: true },
      });
      const eventIds =
        status === 'needs_review'
          ? await recordOutboxEvents(tx, {
              orgId: row.orgId,
              type: 'submission.needs_review',
              submissionId,
              resultVersion: version,
            })
          : [];
      return { batchId: row.batchId, eventIds };
    });
    if (!settled) return null;
    await this.outbox.committed(settled.eventIds);
    return settled.batchId ? this.completeBatchIfSettled(settled.batchId) : null;
  }

  /**
   * Batches whose submissions have all settled but whose completion was never recorded (a crash
   * between the last result and the completion): the reconciler completes them.
   */
  async settledButOpenBatches(limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT b.id FROM batches b
      WHERE b.completed_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.batch_id = b.id AND s.status IN ('queued', 'grading'))
      ORDER BY b.created_at LIMIT ${limit}`;
    return rows.map((row) => row.id);
  }

  /** Completes any of these batches that have settled (after submissions settled without a grade job). */
  async settleBatches(batchIds: (string | null)[]): Promise<string[]> {
    const completed: string[] = [];
    for (const batchId of new Set(batchIds.filter((id): id is string => id !== null))) {
      const done = await this.completeBatchIfSettled(batchId);
      if (done) completed.push(done);
    }
    return completed;
  }

  /**
   * Exactly one caller wins the completed_at update, so batch.completed is recorded once, in the
   * same transaction as the completion.
   */
  private async completeBatchIfSettled(batchId: string): Promise<string | null> {
    const eventIds = await this.prisma.$transaction(async (tx) => {
      const completed = await tx.$queryRaw<{ org_id: string }[]>`
        UPDATE batches SET completed_at = now()
        WHERE id = ${batchId} AND completed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM submissions WHERE batch_id = ${batchId} AND status IN ('queued', 'grading'))
        RETURNING org_id`;
      if (completed.length === 0) return null;
      return recordOutboxEvents(tx, { orgId: completed[0]!.org_id, type: 'batch.completed', batchId });
    });
    if (eventIds === null) return null;
    await this.outbox.committed(eventIds);
    return batchId;
  }
}
