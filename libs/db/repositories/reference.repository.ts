import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../database.js';
import { newId } from '../ids.js';

export type ReferenceStatus = 'ready' | 'pending' | 'needs_review';

export interface ReferenceRow {
  id: string;
  problemId: string;
  revision: number;
  source: string;
  model: string;
  promptVersion: string;
  status: string;
  reason: string | null;
  steps: string[];
  finalAnswer: string | null;
  reasoning: string | null;
  attempts: number;
  updatedAt: Date;
}

export interface ProblemForReference {
  id: string;
  assignmentId: string;
  orgId: string;
  key: string;
  statement: string;
  answer: string | null;
  definitions: Record<string, string>;
  revision: number;
  referenceStatus: string;
  inference: string;
}

/** Model-written (or teacher-replaced) references, one per problem revision, model and prompt version. */
export class ReferenceRepository {
  constructor(private readonly prisma: Db) {}

  async problem(problemId: string): Promise<ProblemForReference | null> {
    const problem = await this.prisma.problem.findUnique({
      where: { id: problemId },
      include: { assignment: { select: { orgId: true, grading: true } } },
    });
    if (!problem) return null;
    return {
      id: problem.id,
      assignmentId: problem.assignmentId,
      orgId: problem.assignment.orgId,
      key: problem.key,
      statement: problem.statement,
      answer: problem.answer,
      definitions: problem.definitions as Record<string, string>,
      revision: problem.revision,
      referenceStatus: problem.referenceStatus,
      inference: String((problem.assignment.grading as { inference?: string }).inference ?? 'auto'),
    };
  }

  /** The newest reference of this revision, whatever its status. */
  async current(problemId: string, revision: number): Promise<ReferenceRow | null> {
    const row = await this.prisma.reference.findFirst({
      where: { problemId, revision },
      orderBy: { updatedAt: 'desc' },
    });
    return row ? (row as unknown as ReferenceRow) : null;
  }

  /**
   * Stores a generated reference and sets the problem's status in one transaction, but only if
   * the problem is still at that revision (an edit meanwhile makes the result moot).
   */
  async saveGenerated(input: {
    problemId: string;
    revision: number;
    model: string;
    promptVersion: string;
    steps: string[];
    finalAnswer: string | null;
    reasoning: string | null;
    status: Exclude<ReferenceStatus, 'pending'>;
    reason: string | null;
    attempts: number;
  }): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.problem.updateMany({
        where: { id: input.problemId, revision: input.revision },
        data: { referenceStatus: input.status },
      });
      if (updated.count === 0) return false;
      const data = {
        source: 'llm',
        status: input.status,
        reason: input.reason,
        steps: input.steps as Prisma.InputJsonValue,
        finalAnswer: input.finalAnswer,
        reasoning: input.reasoning,
        attempts: input.attempts,
      };
      await tx.reference.upsert({
        where: {
          problemId_revision_model_promptVersion: {
            problemId: input.problemId,
            revision: input.revision,
            model: input.model,
            promptVersion: input.promptVersion,
          },
        },
        create: {
          id: newId(),
          problemId: input.problemId,
          revision: input.revision,
          model: input.model,
          promptVersion: input.promptVersion,
          ...data,
        },
        update: data,
      });
      return true;
    });
  }

  /** A reference nobody could produce (no worker, model failed for good): a person must look. */
  async markNeedsReview(problemId: string, revision: number, reason: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.problem.updateMany({
        where: { id: problemId, revision, referenceStatus: 'pending' },
        data: { referenceStatus: 'needs_review' },
      });
      if (updated.count === 0) return false;
      await tx.reference.upsert({
        where: { problemId_revision_model_promptVersion: { problemId, revision, model: '', promptVersion: '' } },
        create: {
          id: newId(),
          problemId,
          revision,
          model: '',
          promptVersion: '',
          source: 'llm',
          status: 'needs_review',
          reason,
          steps: [],
        },
        update: { status: 'needs_review', reason },
      });
      return true;
    });
  }

  /**
   * Sets a problem's reference status (a regrade recomputes it after grading.inference or a key
   * changed); pending restarts the model wait. False when the problem moved to another revision.
   */
  async setStatus(problemId: string, revision: number, status: ReferenceStatus): Promise<boolean> {
    const updated = await this.prisma.problem.updateMany({
      where: { id: problemId, revision },
      data: { referenceStatus: status, referencePendingSince: status === 'pending' ? new Date() : null },
    });
    return updated.count > 0;
  }

  /** A teacher approves the current reference or replaces it; the problem becomes ready. */
  async approveOrReplace(
    problemId: string,
    revision: number,
    replacement: { steps?: string[]; finalAnswer?: string | null } | null,
  ): Promise<ReferenceRow> {
    return this.prisma.$transaction(async (tx) => {
      const current = await tx.reference.findFirst({ where: { problemId, revision }, orderBy: { updatedAt: 'desc' } });
      await tx.problem.update({ where: { id: problemId }, data: { referenceStatus: 'ready' } });
      if (replacement) {
        const row = await tx.reference.upsert({
          where: {
            problemId_revision_model_promptVersion: { problemId, revision, model: 'teacher', promptVersion: '' },
          },
          create: {
            id: newId(),
            problemId,
            revision,
            model: 'teacher',
            promptVersion: '',
            source: 'teacher_steps',
            status: 'ready',
            steps: replacement.steps ?? current?.steps ?? [],
            finalAnswer: replacement.finalAnswer ?? current?.finalAnswer ?? null,
          },
          update: {
            status: 'ready',
            reason: null,
            steps: replacement.steps ?? current?.steps ?? [],
            finalAnswer: replacement.finalAnswer ?? current?.finalAnswer ?? null,
          },
        });
        return row as unknown as ReferenceRow;
      }
      if (!current) throw new Error('no reference to approve');
      const row = await tx.reference.update({ where: { id: current.id }, data: { status: 'ready', reason: null } });
      return row as unknown as ReferenceRow;
    });
  }

  /** Problems whose reference has been pending longer than the model wait. */
  async pendingOlderThan(
    olderThan: Date,
  ): Promise<{ id: string; revision: number; inference: string; pendingSince: Date }[]> {
    const rows = await this.prisma.problem.findMany({
      where: { referenceStatus: 'pending', referencePendingSince: { lt: olderThan } },
      select: { id: true, revision: true, referencePendingSince: true, assignment: { select: { grading: true } } },
      orderBy: { referencePendingSince: 'asc' },
      take: 200,
    });
    return rows.map((row) => ({
      id: row.id,
      revision: row.revision,
      pendingSince: row.referencePendingSince ?? new Date(0),
      inference: String((row.assignment.grading as { inference?: string }).inference ?? 'auto'),
    }));
  }
}
