import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { AssignmentRepository, isId, RegradeRepository, SubmissionRepository } from '../../../libs/db/index.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { notFound } from '../common/api-error.js';
import { pageQuery } from '../common/page-query.js';
import { ZodPipe, ZodQueryPipe } from '../common/zod-body.pipe.js';
import { presentSubmissionSummary } from '../submissions/submission.presenter.js';
import { type UpdateAssignmentBody, updateAssignmentBody } from './assignment-update.dto.js';
import { AssignmentUpdateService } from './assignment-update.service.js';
import { presentAssignment } from './assignment.presenter.js';

/** Review workflow on an assignment: PATCH of key or policy, regrade, and the needs-review queue. */
@Controller('v1/assignments/:id')
export class AssignmentUpdateController {
  constructor(
    private readonly updates: AssignmentUpdateService,
    private readonly assignments: AssignmentRepository,
    private readonly submissions: SubmissionRepository,
    private readonly regrades: RegradeRepository,
  ) {}

  @Patch()
  @Roles('admin', 'teacher')
  async update(
    @Param('id') id: string,
    @Body(new ZodPipe(updateAssignmentBody)) body: UpdateAssignmentBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!isId(id)) throw notFound('assignment');
    const updated = await this.updates.update(id, orgScope(principal), body);
    return { ...presentAssignment(updated), gradingChangedAt: await this.regrades.gradingChangedAt(updated.id) };
  }

  /** Regrades every student's latest submission (earlier ones are not exported anyway). */
  @Post('regrade')
  @Roles('admin', 'teacher')
  async regrade(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!isId(id)) throw notFound('assignment');
    const queued = await this.updates.regrade(id, orgScope(principal));
    void reply.status(202);
    return { queued };
  }

  @Get('needs-review')
  async needsReview(
    @Param('id') id: string,
    @Query(new ZodQueryPipe(pageQuery)) query: z.infer<typeof pageQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const assignment = isId(id) ? await this.assignments.findById(id, orgScope(principal)) : null;
    if (!assignment) throw notFound('assignment');
    const page = await this.submissions.list(
      { orgId: assignment.orgId, assignmentId: assignment.id, status: 'needs_review' },
      query,
    );
    const gradingChangedAt = await this.regrades.gradingChangedAt(assignment.id);
    return {
      items: page.items.map((row) => presentSubmissionSummary(row, gradingChangedAt)),
      nextCursor: page.nextCursor,
    };
  }
}
