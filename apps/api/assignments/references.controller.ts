import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { z } from 'zod';
import {
  AssignmentRepository,
  type AssignmentRow,
  isId,
  type ProblemRow,
  REFERENCE_REVIEW_REASON,
  ReferenceRepository,
  ReferenceWaitRepository,
} from '../../../libs/db/index.js';
import {
  GradeQueueProducer,
  type InferenceSetting,
  ModelQueueProducer,
  modelsUsable,
} from '../../../libs/queue/index.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { ApiError, notFound } from '../common/api-error.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { LIMITS } from './assignment.dto.js';

export const putReferenceBody = z.union([
  z.object({ approve: z.literal(true) }),
  z
    .object({
      steps: z.array(z.string().max(LIMITS.charsPerStep)).max(LIMITS.stepsPerAnswer).optional(),
      finalAnswer: z.string().max(LIMITS.charsPerStep).optional(),
    })
    .refine(
      (body) => body.steps !== undefined || body.finalAnswer !== undefined,
      'give approve: true, or steps and/or finalAnswer',
    ),
]);

function stepTexts(steps: unknown[]): string[] {
  return steps.map((step) => (typeof step === 'string' ? step : String((step as { text?: unknown }).text ?? '')));
}

/** A problem's reference: the teacher's key or steps, or a model-written solution and its status. */
@Controller('v1/assignments/:id/problems/:key/reference')
export class ReferencesController {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly references: ReferenceRepository,
    private readonly referenceWait: ReferenceWaitRepository,
    private readonly gradeProducer: GradeQueueProducer,
    private readonly modelProducer: ModelQueueProducer,
  ) {}

  /** A pending reference under `auto` with no model pool alive is not coming: say what to do. */
  private async pendingReason(assignment: AssignmentRow): Promise<string> {
    const inference = String(assignment.grading.inference ?? 'auto') as InferenceSetting;
    if (modelsUsable(inference, await this.modelProducer.recentPoolState())) return 'waiting for a model to write it';
    return 'no answer key and no model pool: add a key or start a gpu/edge worker (answers are graded CAS-only meanwhile; regrade after)';
  }

  @Get()
  async get(@Param('id') id: string, @Param('key') key: string, @CurrentPrincipal() principal: Principal) {
    const { assignment, problem } = await this.find(id, key, principal);
    const hasTeacherReference = Boolean(problem.answer) || problem.referenceSteps.length > 0;
    if (hasTeacherReference) {
      return {
        steps: stepTexts(problem.referenceSteps),
        finalAnswer: problem.answer,
        source: problem.referenceSteps.length > 0 ? 'teacher_steps' : 'answer_key',
        model: null,
        promptVersion: null,
        status: 'ready',
        reason: null,
      };
    }
    const reference = await this.references.current(problem.id, problem.revision);
    return {
      steps: reference?.steps ?? [],
      finalAnswer: reference?.finalAnswer ?? null,
      source: reference?.source ?? 'llm',
      model: reference?.model || null,
      promptVersion: reference?.promptVersion || null,
      status: problem.referenceStatus,
      reason:
        reference?.reason ?? (problem.referenceStatus === 'pending' ? await this.pendingReason(assignment) : null),
      reasoning: reference?.reasoning ?? null,
      attempts: reference?.attempts ?? 0,
    };
  }

  /** Approve or replace a reference; submissions waiting on it are then graded automatically. */
  @Put()
  @Roles('admin', 'teacher')
  async put(
    @Param('id') id: string,
    @Param('key') key: string,
    @Body(new ZodPipe(putReferenceBody)) body: z.infer<typeof putReferenceBody>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const { assignment, problem } = await this.find(id, key, principal);
    if ('approve' in body) {
      const current = await this.references.current(problem.id, problem.revision);
      if (!current || current.steps.length === 0)
        throw new ApiError(
          409,
          'conflict',
          'there is no written reference to approve; send steps and/or finalAnswer instead',
        );
      await this.references.approveOrReplace(problem.id, problem.revision, null);
    } else {
      await this.references.approveOrReplace(problem.id, problem.revision, {
        steps: body.steps,
        finalAnswer: body.finalAnswer ?? null,
      });
    }
    const requeued = [
      ...(await this.referenceWait.requeueReviewed(assignment.id, REFERENCE_REVIEW_REASON)),
      // Submissions whose review names this problem (the grader's per-problem reasons).
      ...(await this.referenceWait.requeueReviewedProblem(assignment.id, key)),
      ...(await this.referenceWait.release(assignment.id)),
    ];
    await this.gradeProducer.enqueue(requeued.map((row) => ({ submissionId: row.id, version: row.version })));
    return { ...(await this.get(id, key, principal)), requeuedSubmissions: requeued.length };
  }

  private async find(
    id: string,
    key: string,
    principal: Principal,
  ): Promise<{ assignment: AssignmentRow; problem: ProblemRow }> {
    const assignment = isId(id) ? await this.assignments.findById(id, orgScope(principal)) : null;
    const problem = assignment?.problems.find((candidate) => candidate.key === key);
    if (!assignment || !problem) throw notFound('problem');
    return { assignment, problem };
  }
}
