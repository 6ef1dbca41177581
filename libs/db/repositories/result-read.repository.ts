import type { Db } from '../database.js';

export interface StoredAnswerResult {
  problemKey: string;
  score: number;
  maxScore: number;
  finalAnswer: unknown;
  firstErrorStep: number | null;
  steps: unknown[];
  skippedReferenceSteps: number[];
  feedback: string;
}

export interface StoredResult {
  version: number;
  status: string;
  statusReason: string | null;
  score: number;
  maxScore: number;
  gradedAt: Date;
  answers: StoredAnswerResult[];
}

export class ResultReadRepository {
  constructor(private readonly prisma: Db) {}

  async findVersion(submissionId: string, version: number): Promise<StoredResult | null> {
    const found = await this.prisma.submissionResult.findUnique({
      where: { submissionId_version: { submissionId, version } },
      include: { answers: true },
    });
    return found ? (found as unknown as StoredResult) : null;
  }

  async listVersions(submissionId: string): Promise<StoredResult[]> {
    const rows = await this.prisma.submissionResult.findMany({
      where: { submissionId },
      include: { answers: true },
      orderBy: { version: 'desc' },
    });
    return rows as unknown as StoredResult[];
  }
}
