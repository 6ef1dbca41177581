import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { ApiKeyRepository, IntegrationRepository, isId, OrgRepository } from '../../../libs/db/index.js';
import { ApiKeyService } from '../auth/api-key.service.js';
import { Roles } from '../auth/auth.decorators.js';
import { ApiError, notFound } from '../common/api-error.js';
import { pageQuery, type PageQuery } from '../common/page-query.js';
import { ZodPipe, ZodQueryPipe } from '../common/zod-body.pipe.js';

export const createOrgBody = z.object({ name: z.string().trim().min(1).max(200) });
export const createKeyBody = z.object({
  orgId: z.string().max(64).optional(),
  role: z.enum(['admin', 'teacher', 'integration']),
  name: z.string().trim().min(1).max(200).default('api key'),
  /** Binds an integration key to one integration of its organization (it then reads only that one). */
  integrationId: z.string().max(64).optional(),
});

/** Organizations and API keys: admin only (API.md role table). */
@Controller('v1')
@Roles('admin')
export class OrgsController {
  constructor(
    private readonly orgs: OrgRepository,
    private readonly keys: ApiKeyRepository,
    private readonly apiKeys: ApiKeyService,
    private readonly integrations: IntegrationRepository,
  ) {}

  @Post('orgs')
  async createOrg(@Body(new ZodPipe(createOrgBody)) body: z.infer<typeof createOrgBody>) {
    const org = await this.orgs.create(body.name);
    return { id: org.id, name: org.name, createdAt: org.createdAt };
  }

  @Post('api-keys')
  async createKey(@Body(new ZodPipe(createKeyBody)) body: z.infer<typeof createKeyBody>) {
    if (body.role !== 'admin') {
      if (!body.orgId) throw new ApiError(422, 'invalid_content', `a ${body.role} key needs an orgId`);
      if (!isId(body.orgId) || !(await this.orgs.findById(body.orgId))) throw notFound('organization');
    }
    const orgId = body.role === 'admin' ? null : body.orgId!;
    if (body.integrationId !== undefined) {
      if (body.role !== 'integration')
        throw new ApiError(422, 'invalid_content', 'only integration keys are bound to an integration');
      if (!isId(body.integrationId) || !(await this.integrations.findById(body.integrationId, orgId)))
        throw notFound('integration');
    }
    const created = await this.apiKeys.issue({
      orgId,
      role: body.role,
      name: body.name,
      integrationId: body.integrationId ?? null,
    });
    return {
      id: created.id,
      key: created.key,
      prefix: created.prefix,
      role: created.role,
      orgId: created.orgId,
      name: created.name,
      integrationId: body.integrationId ?? null,
    };
  }

  @Get('api-keys')
  listKeys(@Query(new ZodQueryPipe(pageQuery)) query: PageQuery) {
    return this.keys.list(query);
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  async revokeKey(@Param('id') id: string): Promise<void> {
    if (!isId(id) || !(await this.apiKeys.revoke(id))) throw notFound('API key');
  }
}
