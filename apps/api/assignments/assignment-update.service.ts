import { Injectable, Logger } from '@nestjs/common';
import {
  AssignmentEditRepository,
  AssignmentRepository,
  type AssignmentRow,
  ReferenceRepository,
  ReferenceWaitRepository,
  RegradeRepository,
} from '../../../libs/db/index.js';
import {
  GradeQueueProducer,
  type InferenceSetting,
  ModelQueueProducer,
  modelsUsable,
} from '../../../libs/queue/index.js';
import { invalid, notFound } from '../common/api-error.js';
import { enqueueRegrades } from '../submissions/submission-regrade.controller.js';
import type { UpdateAssignmentBody } from './assignment-update.dto.js';
import { planAssignmentEdit, UnknownProblemError } from './assignment-update.plan.js';
import { AssignmentService } from './assignment.service.js';
import { recomputedReferenceStatus } from './reference-plan.js';

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
    private readonly references: ReferenceRepository,
    private readonly referenceWait: ReferenceWaitRepository,
    private readonly modelProducer: ModelQueueProducer,
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

  /**
   * Regrades each student's latest submission; returns how many were queued. First the problems'
   * reference status is recomputed (grading.inference or a key may have changed) and work parked
   * on a reference or judgement that is no longer coming is released.
   */
  async regrade(id: string, orgId: string | null): Promise<number> {
    const assignment = await this.assignments.findById(id, orgId);
    if (!assignment) throw notFound('assignment');
    await this.recomputeReferences(assignment);
    const inference = String(assignment.grading.inference ?? 'auto') as InferenceSetting;
    const usable = modelsUsable(inference, await this.modelProducer.recentPoolState());
    const parked = usable
      ? await this.referenceWait.release(assignment.id)
      : await this.referenceWait.releaseAll(assignment.id);
    const tickets = [
      ...(await this.regrades.regradeAssignment(assignment.id)),
      ...parked.map((row) => ({ submissionId: row.id, version: row.version })),
    ];
    await enqueueRegrades(this.producer, tickets, this.logger);
    return tickets.length;
  }

  private async recomputeReferences(assignment: AssignmentRow): Promise<void> {
    const inference = String(assignment.grading.inference ?? 'auto');
    let asked = false;
    for (const problem of assignment.problems) {
      const reference = await this.references.current(problem.id, problem.revision);
      const next = recomputedReferenceStatus(problem, inference, reference);
      // A pending one is asked for again too: its job may have been lost or given up.
      if (next === problem.referenceStatus && next !== 'pending') continue;
      if (next !== problem.referenceStatus) await this.references.setStatus(problem.id, problem.revision, next);
      asked ||= next === 'pending';
    }
    if (asked) await this.assignmentService.requestReferences((await this.assignments.findById(assignment.id, null))!);
  }
}
