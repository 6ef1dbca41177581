import { Body, Controller, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { AssignmentRepository, isId, SubmissionRepository } from '../../../libs/db/index.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { ApiError, notFound } from '../common/api-error.js';
import { ReviewLinkService } from './review-link.service.js';

export const linkBody = z.object({ canOverride: z.boolean().optional() }).strip();

/** An empty body is allowed (`{}` is implied); anything else must be the object above. */
function readLinkBody(body: unknown): { canOverride: boolean } {
  if (body === undefined || body === null || body === '') return { canOverride: false };
  if (typeof body !== 'object' || Array.isArray(body))
    throw new ApiError(400, 'malformed_request', 'the request body must be a JSON object');
  const parsed = linkBody.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      422,
      'invalid_content',
      'invalid request: canOverride must be a boolean',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  return { canOverride: parsed.data.canOverride ?? false };
}

/** Signed, expiring review links (API.md, Review pages): teachers and admins only, own org only. */
@Controller('v1')
@Roles('admin', 'teacher')
export class ReviewLinksController {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly submissions: SubmissionRepository,
    private readonly links: ReviewLinkService,
  ) {}

  @Post('submissions/:id/review-link')
  async forSubmission(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const options = readLinkBody(body);
    const submission = isId(id) ? await this.submissions.findById(id, orgScope(principal)) : null;
    if (!submission) throw notFound('submission');
    return this.links.create('submission', submission.id, { ...options, by: principal.keyId });
  }

  @Post('assignments/:id/review-link')
  async forAssignment(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const options = readLinkBody(body);
    const assignment = isId(id) ? await this.assignments.findById(id, orgScope(principal)) : null;
    if (!assignment) throw notFound('assignment');
    return this.links.create('assignment', assignment.id, { ...options, by: principal.keyId });
  }
}
