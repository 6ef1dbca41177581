import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../database.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../pagination.js';

export interface ProblemInput {
  key: string;
  statement: string;
  answer: string | null;
  referenceSteps: unknown[];
  definitions: Record<string, string>;
  points: number;
  policy: Record<string, unknown>;
  referenceStatus: string;
}

export interface ProblemRow extends ProblemInput {
  id: string;
  position: number;
  revision: number;
}

export interface AssignmentRow {
  id: string;
  orgId: string;
  title: string;
  externalId: string | null;
  grading: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  problems: ProblemRow[];
}

export class DuplicateExternalIdError extends Error {
  override name = 'DuplicateExternalIdError';
}

type PrismaProblem = Awaited<ReturnType<Db['problem']['findFirstOrThrow']>>;

function toProblemRow(problem: PrismaProblem): ProblemRow {
  return {
    id: problem.id,
    key: problem.key,
    position: problem.position,
    statement: problem.statement,
    answer: problem.answer,
    referenceSteps: problem.referenceSteps as unknown[],
    definitions: problem.definitions as Record<string, string>,
    points: problem.points,
    policy: problem.policy as Record<string, unknown>,
    revision: problem.revision,
    referenceStatus: problem.referenceStatus,
  };
}

const WITH_PROBLEMS = { problems: { orderBy: { position: 'asc' } } } as const;

export class AssignmentRepository {
  constructor(private readonly prisma: Db) {}

  async create(input: {
    orgId: string;
    title: string;
    externalId: string | null;
    grading: object;
    problems: ProblemInput[];
  }): Promise<AssignmentRow> {
    try {
      const created = await this.prisma.assignment.create({
        data: {
          id: newId(),
          orgId: input.orgId,
          title: input.title,
          externalId: input.externalId,
          grading: input.grading,
          problems: {
            create: input.problems.map((problem, position) => ({
              id: newId(),
              position,
              key: problem.key,
              statement: problem.statement,
              answer: problem.answer,
              referenceSteps: problem.referenceSteps as Prisma.InputJsonValue,
              definitions: problem.definitions,
              points: problem.points,
              policy: problem.policy as Prisma.InputJsonValue,
              referenceStatus: problem.referenceStatus,
              referencePendingSince: problem.referenceStatus === 'pending' ? new Date() : null,
            })),
          },
        },
        include: WITH_PROBLEMS,
      });
      return this.toRow(created);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new DuplicateExternalIdError(`an assignment with externalId ${input.externalId} already exists`);
      }
      throw error;
    }
  }

  /** orgId null means any organization (admin); otherwise another organization's id is not found. */
  async findById(id: string, orgId: string | null): Promise<AssignmentRow | null> {
    const found = await this.prisma.assignment.findFirst({
      where: { id, ...(orgId ? { orgId } : {}) },
      include: WITH_PROBLEMS,
    });
    return found ? this.toRow(found) : null;
  }

  async findByExternalId(externalId: string, orgId: string): Promise<AssignmentRow | null> {
    const found = await this.prisma.assignment.findFirst({ where: { externalId, orgId }, include: WITH_PROBLEMS });
    return found ? this.toRow(found) : null;
  }

  async list(orgId: string | null, page: PageRequest): Promise<Page<AssignmentRow>> {
    const rows = await this.prisma.assignment.findMany({
      where: { ...(orgId ? { orgId } : {}), ...(page.cursor ? { id: { gt: page.cursor } } : {}) },
      include: WITH_PROBLEMS,
      orderBy: { id: 'asc' },
      take: page.limit + 1,
    });
    return toPage(
      rows.map((row) => this.toRow(row)),
      page.limit,
    );
  }

  private toRow(
    found: Awaited<ReturnType<Db['assignment']['findFirstOrThrow']>> & { problems: PrismaProblem[] },
  ): AssignmentRow {
    return {
      id: found.id,
      orgId: found.orgId,
      title: found.title,
      externalId: found.externalId,
      grading: found.grading as Record<string, unknown>,
      createdAt: found.createdAt,
      updatedAt: found.updatedAt,
      problems: found.problems.map(toProblemRow),
    };
  }
}
