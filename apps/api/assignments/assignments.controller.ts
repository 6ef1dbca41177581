import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { AssignmentRepository, isId, OrgRepository } from '../../../libs/db/index.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { ApiError, notFound } from '../common/api-error.js';
import { pageQuery } from '../common/page-query.js';
import { ZodPipe, ZodQueryPipe } from '../common/zod-body.pipe.js';
import { type CreateAssignmentBody, createAssignmentBody } from './assignment.dto.js';
import { presentAssignment } from './assignment.presenter.js';
import { AssignmentService } from './assignment.service.js';

export const createQuery = z.object({ orgId: z.string().max(64).optional() });

@Controller('v1/assignments')
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly orgs: OrgRepository,
    private readonly assignmentService: AssignmentService,
  ) {}

  @Post()
  @Roles('admin', 'teacher')
  async create(
    @Body(new ZodPipe(createAssignmentBody)) body: CreateAssignmentBody,
    @Query(new ZodQueryPipe(createQuery)) query: z.infer<typeof createQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const orgId = await this.targetOrg(principal, body.orgId ?? query.orgId);
    return presentAssignment(await this.assignmentService.create(orgId, body));
  }

  @Get()
  async list(
    @Query(new ZodQueryPipe(pageQuery)) query: z.infer<typeof pageQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const page = await this.assignments.list(orgScope(principal), query);
    return { items: page.items.map(presentAssignment), nextCursor: page.nextCursor };
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const assignment = isId(id) ? await this.assignments.findById(id, orgScope(principal)) : null;
    if (!assignment) throw notFound('assignment');
    return presentAssignment(assignment);
  }

  /** Teachers write into their own organization; admins name the organization. */
  private async targetOrg(principal: Principal, requestedOrgId: string | undefined): Promise<string> {
    if (principal.role !== 'admin') return principal.orgId!;
    if (!requestedOrgId) throw new ApiError(422, 'invalid_content', 'admins must give orgId (in the body or ?orgId=)');
    if (!isId(requestedOrgId) || !(await this.orgs.findById(requestedOrgId))) throw notFound('organization');
    return requestedOrgId;
  }
}
