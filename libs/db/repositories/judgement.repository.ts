import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../database.js';
import { newId } from '../ids.js';

export interface JudgementRow {
  id: string;
  key: string;
  assignmentId: string;
  problemId: string;
  revision: number;
  stepText: string;
  precedingSteps: string[];
  status: 'pending' | 'done' | 'failed';
  verdict: 'correct' | 'incorrect' | 'unverified' | null;
  reason: string | null;
  model: string | null;
  createdAt: Date;
}

export interface NewJudgement {
  key: string;
  assignmentId: string;
  problemId: string;
  revision: number;
  promptVersion: string;
  stepText: string;
  precedingSteps: string[];
}

/** Model judgements of prose steps, shared by every submission that contains the same step. */
export class JudgementRepository {
  constructor(private readonly prisma: Db) {}

  async findByKeys(keys: string[]): Promise<JudgementRow[]> {
    if (keys.length === 0) return [];
    return (await this.prisma.judgement.findMany({ where: { key: { in: keys } } })) as unknown as JudgementRow[];
  }

  /** Creates the missing ones (a concurrent creator of the same key wins harmlessly); returns the new ids. */
  async createMissing(judgements: NewJudgement[]): Promise<string[]> {
    const created: string[] = [];
    for (const judgement of judgements) {
      const id = newId();
      const inserted = await this.prisma.judgement.createMany({
        data: [{ id, ...judgement, precedingSteps: judgement.precedingSteps as Prisma.InputJsonValue }],
        skipDuplicates: true,
      });
      if (inserted.count > 0) created.push(id);
    }
    return created;
  }

  async load(
    id: string,
  ): Promise<(JudgementRow & { statement: string; referenceSteps: unknown; inference: string }) | null> {
    const row = await this.prisma.judgement.findUnique({ where: { id } });
    if (!row) return null;
    const problem = await this.prisma.problem.findUnique({
      where: { id: row.problemId },
      include: { assignment: { select: { grading: true } } },
    });
    if (!problem) return null;
    return {
      ...(row as unknown as JudgementRow),
      statement: problem.statement,
      referenceSteps: problem.referenceSteps,
      inference: String((problem.assignment.grading as { inference?: string }).inference ?? 'auto'),
    };
  }

  async finish(
    id: string,
    outcome: { status: 'done' | 'failed'; verdict?: string; reason: string; model?: string; reasoning?: string | null },
  ): Promise<boolean> {
    const updated = await this.prisma.judgement.updateMany({
      where: { id, status: 'pending' },
      data: {
        status: outcome.status,
        verdict: outcome.verdict ?? null,
        reason: outcome.reason,
        model: outcome.model ?? null,
        reasoning: outcome.reasoning ?? null,
        updatedAt: new Date(),
      },
    });
    return updated.count > 0;
  }

  async pendingCount(assignmentId: string): Promise<number> {
    return this.prisma.judgement.count({ where: { assignmentId, status: 'pending' } });
  }

  async pending(limit: number): Promise<{ id: string; assignmentId: string; createdAt: Date; inference: string }[]> {
    const rows = await this.prisma.judgement.findMany({
      where: { status: 'pending' },
      orderBy: { createdAt: 'asc' },
      take: limit,
      select: { id: true, assignmentId: true, createdAt: true, problemId: true },
    });
    const assignments = await this.prisma.assignment.findMany({
      where: { id: { in: [...new Set(rows.map((row) => row.assignmentId))] } },
      select: { id: true, grading: true },
    });
    const inferenceOf = new Map(
      assignments.map((assignment) => [
        assignment.id,
        String((assignment.grading as { inference?: string }).inference ?? 'auto'),
      ]),
    );
    return rows.map((row) => ({
      id: row.id,
      assignmentId: row.assignmentId,
      createdAt: row.createdAt,
      inference: inferenceOf.get(row.assignmentId) ?? 'auto',
    }));
  }
}
