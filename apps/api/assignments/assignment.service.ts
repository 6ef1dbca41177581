import { Injectable, Logger } from '@nestjs/common';
import { AssignmentRepository, type AssignmentRow, DuplicateExternalIdError } from '../../../libs/db/index.js';
import { type InferenceSetting, ModelQueueProducer } from '../../../libs/queue/index.js';
import { conflict } from '../common/api-error.js';
import type { CreateAssignmentBody } from './assignment.dto.js';
import { initialReferenceStatus } from './reference-plan.js';

/** Creates assignments and asks a model pool for the references nobody supplied. */
@Injectable()
export class AssignmentService {
  private readonly logger = new Logger('Assignments');

  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly modelProducer: ModelQueueProducer,
  ) {}

  async create(orgId: string, body: CreateAssignmentBody): Promise<AssignmentRow> {
    let created: AssignmentRow;
    try {
      created = await this.assignments.create({
        orgId,
        title: body.title,
        externalId: body.externalId ?? null,
        grading: body.grading,
        problems: body.problems.map((problem) => ({
          key: problem.key,
          statement: problem.statement,
          answer: problem.answer ?? null,
          referenceSteps: problem.referenceSteps,
          definitions: problem.definitions,
          points: problem.points,
          policy: problem.policy,
          referenceStatus: initialReferenceStatus(problem, body.grading.inference),
        })),
      });
    } catch (error) {
      if (error instanceof DuplicateExternalIdError) throw conflict(error.message);
      throw error;
    }
    await this.requestReferences(created);
    return created;
  }

  /** After commit; if Redis is down the reconciler sends the jobs once it is back. */
  async requestReferences(assignment: AssignmentRow): Promise<void> {
    const inference = String(assignment.grading.inference ?? 'auto') as InferenceSetting;
    for (const problem of assignment.problems.filter((candidate) => candidate.referenceStatus === 'pending')) {
      try {
        await this.modelProducer.enqueueReference(problem.id, problem.revision, inference);
      } catch (error) {
        this.logger.warn(
          `reference job for problem ${problem.key} deferred to the reconciler: ${(error as Error).message}`,
        );
      }
    }
  }
}
