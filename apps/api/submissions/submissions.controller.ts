import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  AssignmentRepository,
  type AssignmentRow,
  isId,
  RegradeRepository,
  ResultReadRepository,
  SubmissionRepository,
} from '../../../libs/db/index.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { ApiError, notFound } from '../common/api-error.js';
import { pageQuery } from '../common/page-query.js';
import { BodyCheckedPerItem } from '../common/storable-text.interceptor.js';
import { ZodPipe, ZodQueryPipe } from '../common/zod-body.pipe.js';
import { uploadFormatOf } from './bulk-upload.parsers.js';
import { BulkUploadService } from './bulk-upload.service.js';
import { batchBody } from './submission.dto.js';
import { IntakeTargetCache } from './intake-target.cache.js';
import { SubmissionIntakeService } from './submission-intake.service.js';
import { presentBatch, presentSubmissionSummary } from './submission.presenter.js';
import { SubmissionViewService } from '../overrides/submission-view.service.js';

export const listQuery = pageQuery.extend({
  status: z.enum(['queued', 'grading', 'graded', 'needs_review', 'failed']).optional(),
  studentId: z.string().max(200).optional(),
});

/** Submissions and batches; every role may submit and read within its own organization. */
@Controller('v1')
export class SubmissionsController {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly submissions: SubmissionRepository,
    private readonly results: ResultReadRepository,
    private readonly intake: SubmissionIntakeService,
    private readonly intakeTargets: IntakeTargetCache,
    private readonly bulk: BulkUploadService,
    // Overrides and staleness (review workflow) join the stored result in the full view.
    private readonly view: SubmissionViewService,
    private readonly regrades: RegradeRepository,
  ) {}

  @Post('assignments/:id/submissions')
  async submit(
    @Param('id') assignmentId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new ApiError(400, 'malformed_request', 'the request body must be a JSON object');
    const target = await this.intakeTargets.find(assignmentId, orgScope(principal));
    if (!target) throw notFound('assignment');
    const outcome = await this.intake.acceptOne(target, body);
    void reply.status(outcome.created ? 202 : 200);
    return { id: outcome.id, status: outcome.status };
  }

  @Post('assignments/:id/submissions/batch')
  @BodyCheckedPerItem()
  async submitBatch(
    @Param('id') assignmentId: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // CSV and NDJSON arrive as the unread request stream (bulk-upload.parsers.ts) and are streamed.
    const format = uploadFormatOf(contentType);
    const json = format ? null : new ZodPipe(batchBody).transform(body);
    const assignment = await this.findAssignment(assignmentId, principal);
    const outcome = format
      ? await this.bulk.accept(assignment, body as AsyncIterable<Buffer>, format)
      : await this.intake.acceptBatch(assignment, json!.submissions);
    void reply.status(202);
    return outcome;
  }

  @Get('assignments/:id/submissions')
  async listForAssignment(
    @Param('id') assignmentId: string,
    @Query(new ZodQueryPipe(listQuery)) query: z.infer<typeof listQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const assignment = await this.findAssignment(assignmentId, principal);
    const page = await this.submissions.list(
      { orgId: assignment.orgId, assignmentId: assignment.id, status: query.status, studentId: query.studentId },
      query,
    );
    const gradingChangedAt = await this.regrades.gradingChangedAt(assignment.id);
    return {
      items: page.items.map((row) => presentSubmissionSummary(row, gradingChangedAt)),
      nextCursor: page.nextCursor,
    };
  }

  @Get('submissions/:id')
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const submission = isId(id) ? await this.submissions.findById(id, orgScope(principal)) : null;
    if (!submission) throw notFound('submission');
    return this.view.present(submission);
  }

  @Get('batches/:id')
  async batch(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const progress = isId(id) ? await this.submissions.batchProgress(id, orgScope(principal)) : null;
    if (!progress) throw notFound('batch');
    return presentBatch(progress);
  }

  @Get('batches/:id/submissions')
  async batchSubmissions(
    @Param('id') id: string,
    @Query(new ZodQueryPipe(pageQuery)) query: z.infer<typeof pageQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const progress = isId(id) ? await this.submissions.batchProgress(id, orgScope(principal)) : null;
    if (!progress) throw notFound('batch');
    const page = await this.submissions.list({ orgId: orgScope(principal), batchId: id }, query);
    return { items: page.items.map((row) => presentSubmissionSummary(row)), nextCursor: page.nextCursor };
  }

  private async findAssignment(id: string, principal: Principal): Promise<AssignmentRow> {
    const assignment = isId(id) ? await this.assignments.findById(id, orgScope(principal)) : null;
    if (!assignment) throw notFound('assignment');
    return assignment;
  }
}
