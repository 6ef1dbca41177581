import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../database.js';

/** One problem's new fields after a PATCH; only what changed is present. */
export interface ProblemEdit {
  problemId: string;
  statement?: string;
  answer?: string | null;
  referenceSteps?: unknown[];
  definitions?: Record<string, string>;
  points?: number;
  policy?: Record<string, unknown>;
  /** Set when statement, answer, steps or definitions changed: a new revision with this reference status. */
  newRevision?: { referenceStatus: 'ready' | 'pending' };
}

export interface AssignmentEdit {
  assignmentId: string;
  title?: string;
  grading?: Record<string, unknown>;
  problems: ProblemEdit[];
  /** Results graded before this edit become stale. */
  gradingChanged: boolean;
}

/**
 * Writes a PATCH of an assignment in one transaction: a problem whose key, steps or statement
 * changed gets a new revision (and needs a new reference), and a change to anything grading
 * depends on stamps grading_changed_at so earlier results read as stale.
 */
export class AssignmentEditRepository {
  constructor(private readonly prisma: Db) {}

  async apply(edit: AssignmentEdit): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.assignment.update({
        where: { id: edit.assignmentId },
        data: {
          ...(edit.title !== undefined ? { title: edit.title } : {}),
          ...(edit.grading !== undefined ? { grading: edit.grading as Prisma.InputJsonValue } : {}),
          ...(edit.gradingChanged ? { gradingChangedAt: new Date() } : {}),
        },
      });
      for (const problem of edit.problems) {
        const { problemId, newRevision, referenceSteps, policy, ...plain } = problem;
        await tx.problem.update({
          where: { id: problemId },
          data: {
            ...plain,
            ...(referenceSteps !== undefined ? { referenceSteps: referenceSteps as Prisma.InputJsonValue } : {}),
            ...(policy !== undefined ? { policy: policy as Prisma.InputJsonValue } : {}),
            ...(newRevision
              ? {
                  revision: { increment: 1 },
                  referenceStatus: newRevision.referenceStatus,
                  referencePendingSince: newRevision.referenceStatus === 'pending' ? new Date() : null,
                }
              : {}),
          },
        });
      }
    });
  }
}
