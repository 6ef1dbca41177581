import { Injectable, Logger } from '@nestjs/common';
import {
  AssignmentEditRepository,
  AssignmentRepository,
  type AssignmentRow,
  RegradeRepository,
} from '../../../libs/db/index.js';
import { GradeQueueProducer } from '../../../libs/queue/index.js';
import { invalid, notFound } from '../common/api-error.js';
import { enqueueRegrades } from '../submissions/submission-regrade.controller.js';
import type { UpdateAssignmentBody } from './assignment-update.dto.js';
import { planAssignmentEdit, UnknownProblemError } from './assignment-update.plan.js';
import { AssignmentService } from './assignment.service.js';

/** PATCH of an assignment's key or policy, and regrade of a whole assignment. */
@Injectable()
export class AssignmentUpdateService {
  private readonly logger = new Logger('AssignmentUpdate');

  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly edits: AssignmentEditRepository,
    private readonly regrades: RegradeRepository,
    private readonly assignmentService: AssignmentService,
    private readonly producer: GradeQueueProducer,
  ) {}

  async update(id: string, orgId: string | null, patch: UpdateAssignmentBody): Promise<AssignmentRow> {
    const current = await this.assignments.findById(id, orgId);
    if (!current) throw notFound('assignment');
    let edit;
    try {
      edit = planAssignmentEdit(current, patch);
    } catch (error) {
      if (error instanceof UnknownProblemError) throw invalid(error.message);
      throw error;
    }
    await this.edits.apply(edit);
    const updated = (await this.assignments.findById(id, orgId))!;
    // A new revision without a key needs a model-written reference: ask for it after commit.
    if (edit.problems.some((problem) => problem.newRevision?.referenceStatus === 'pending'))
      await this.assignmentService.requestReferences(updated);
    return updated;
  }

  /** Regrades each student's latest submission; returns how many were queued. */
  async regrade(id: string, orgId: string | null): Promise<number> {
    const assignment = await this.assignments.findById(id, orgId);
    if (!assignment) throw notFound('assignment');
    const tickets = await this.regrades.regradeAssignment(assignment.id);
    await enqueueRegrades(this.producer, tickets, this.logger);
    return tickets.length;
  }
}
