import type pg from 'pg';
import type { Db } from '../database.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../pagination.js';
import { type InsertOutcome, type NewSubmission, insertSubmissions } from './submission-insert.js';

export type SubmissionStatus = 'queued' | 'grading' | 'graded' | 'needs_review' | 'failed';

export interface SubmissionRow {
  id: string;
  orgId: string;
  assignmentId: string;
  batchId: string | null;
  studentId: string;
  externalId: string | null;
  answers: { problemKey: string; steps: string[] }[];
  status: SubmissionStatus;
  statusReason: string | null;
  score: number | null;
  maxScore: number | null;
  resultVersion: number;
  gradedAt: Date | null;
  createdAt: Date;
}

export interface BatchProgress {
  id: string;
  assignmentId: string;
  total: number;
  counts: Record<SubmissionStatus, number>;
  createdAt: Date;
  completedAt: Date | null;
}

type Target = { orgId: string; assignmentId: string };

/** statusReason of a queued submission parked until its problem's reference is ready. */
export const WAITING_FOR_REFERENCE = 'waiting for reference';

/** statusReason of a queued submission parked until model judgements of its prose steps are in. */
export const WAITING_FOR_JUDGEMENT = 'waiting for model judgement';

/** statusReason prefix of a submission sent to needs_review because a reference is not trusted. */
export const REFERENCE_REVIEW_REASON = 'reference not trusted for problem(s)';

export class SubmissionRepository {
  constructor(
    private readonly prisma: Db,
    private readonly pool: pg.Pool,
  ) {}

  async insertOne(target: Target, submission: NewSubmission): Promise<InsertOutcome> {
    const [outcome] = await insertSubmissions(this.pool, { ...target, batchId: null }, [submission]);
    return outcome!;
  }

  /** The batch row and its submissions commit together: a batch never counts work that isn't there. */
  async insertBatch(
    target: Target,
    submissions: NewSubmission[],
  ): Promise<{ batchId: string; outcomes: InsertOutcome[] }> {
    const batchId = newId();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO batches (id, org_id, assignment_id, total, created_at) VALUES ($1, $2, $3, 0, now())',
        [batchId, target.orgId, target.assignmentId],
      );
      const outcomes = await insertSubmissions(client, { ...target, batchId }, submissions);
      const accepted = outcomes.filter((outcome) => outcome.kind === 'accepted').length;
      await client.query(
        'UPDATE batches SET total = $2, completed_at = CASE WHEN $2 = 0 THEN now() ELSE NULL END WHERE id = $1',
        [batchId, accepted],
      );
      await client.query('COMMIT');
      return { batchId, outcomes };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async findById(id: string, orgId: string | null): Promise<SubmissionRow | null> {
    const found = await this.prisma.submission.findFirst({ where: { id, ...(orgId ? { orgId } : {}) } });
    return found ? (found as unknown as SubmissionRow) : null;
  }

  async list(
    filter: {
      orgId: string | null;
      assignmentId?: string;
      batchId?: string;
      status?: SubmissionStatus;
      studentId?: string;
    },
    page: PageRequest,
  ): Promise<Page<SubmissionRow>> {
    const rows = await this.prisma.submission.findMany({
      where: {
        ...(filter.orgId ? { orgId: filter.orgId } : {}),
        ...(filter.assignmentId ? { assignmentId: filter.assignmentId } : {}),
        ...(filter.batchId ? { batchId: filter.batchId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.studentId ? { studentId: filter.studentId } : {}),
        ...(page.cursor ? { id: { gt: page.cursor } } : {}),
      },
      orderBy: { id: 'asc' },
      take: page.limit + 1,
    });
    return toPage(rows as unknown as SubmissionRow[], page.limit);
  }

  async batchProgress(batchId: string, orgId: string | null): Promise<BatchProgress | null> {
    const batch = await this.prisma.batch.findFirst({ where: { id: batchId, ...(orgId ? { orgId } : {}) } });
    if (!batch) return null;
    const grouped = await this.prisma.submission.groupBy({
      by: ['status'],
      where: { batchId },
      _count: { _all: true },
    });
    const counts: Record<SubmissionStatus, number> = { queued: 0, grading: 0, graded: 0, needs_review: 0, failed: 0 };
    for (const group of grouped) counts[group.status as SubmissionStatus] = group._count._all;
    return {
      id: batch.id,
      assignmentId: batch.assignmentId,
      total: batch.total,
      counts,
      createdAt: batch.createdAt,
      completedAt: batch.completedAt,
    };
  }

  /**
   * Submissions that should be moving but have not been touched for a while: the reconciler
   * re-enqueues them (a replayed job id is a no-op when the job still exists).
   */
  async findStale(olderThan: Date, limit: number): Promise<{ id: string; resultVersion: number }[]> {
    return this.prisma.submission.findMany({
      where: {
        status: { in: ['queued', 'grading'] },
        updatedAt: { lt: olderThan },
        OR: [{ statusReason: null }, { statusReason: { notIn: [WAITING_FOR_REFERENCE, WAITING_FOR_JUDGEMENT] } }],
      },
      select: { id: true, resultVersion: true },
      orderBy: { updatedAt: 'asc' },
      take: limit,
    });
  }

  /** Marks that the reconciler has looked at these rows, so it doesn't re-send them every pass. */
  async touch(ids: string[]): Promise<void> {
    if (ids.length > 0)
      await this.prisma.submission.updateMany({ where: { id: { in: ids } }, data: { updatedAt: new Date() } });
  }
}
