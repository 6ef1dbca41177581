import { Body, Controller, Get, HttpCode, Logger, Param, Patch, Post, Query } from '@nestjs/common';
import type { z } from 'zod';
import { isId, IntegrationRepository, WebhookEventRepository } from '../../../libs/db/index.js';
import { WebhookQueueProducer } from '../../../libs/queue/index.js';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import { orgScope, type Principal } from '../auth/principal.js';
import { notFound } from '../common/api-error.js';
import { pageQuery, type PageQuery } from '../common/page-query.js';
import { ZodPipe, ZodQueryPipe } from '../common/zod-body.pipe.js';
import { createIntegrationBody, orgQuery, patchIntegrationBody, type PatchIntegrationBody } from './integration.dto.js';
import { presentDelivery, presentIntegration } from './integration.presenter.js';
import { IntegrationsService } from './integrations.service.js';

/**
 * Integrations and their delivery log (API.md, Integrations). Admins and teachers manage them;
 * integration keys may read their own integration only.
 */
@Controller('v1')
export class IntegrationsController {
  private readonly logger = new Logger('Integrations');

  constructor(
    private readonly service: IntegrationsService,
    private readonly integrations: IntegrationRepository,
    private readonly events: WebhookEventRepository,
    private readonly webhooks: WebhookQueueProducer,
  ) {}

  @Post('integrations')
  @Roles('admin', 'teacher')
  async create(
    @Body(new ZodPipe(createIntegrationBody)) body: z.infer<typeof createIntegrationBody>,
    @Query(new ZodQueryPipe(orgQuery)) query: z.infer<typeof orgQuery>,
    @CurrentPrincipal() principal: Principal,
  ) {
    const created = await this.service.create(principal, { ...body, orgId: body.orgId ?? query.orgId });
    return {
      ...presentIntegration(created.row),
      signingSecret: created.signingSecret,
      inboundSecret: created.inboundSecret,
    };
  }

  @Get('integrations')
  async list(@Query(new ZodQueryPipe(pageQuery)) query: PageQuery, @CurrentPrincipal() principal: Principal) {
    const onlyId = await this.service.visibleOnly(principal);
    const page = await this.integrations.list(
      { orgId: orgScope(principal), ...(onlyId !== undefined ? { onlyId } : {}) },
      query,
    );
    return { items: page.items.map(presentIntegration), nextCursor: page.nextCursor };
  }

  @Get('integrations/:id')
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return presentIntegration(await this.service.find(principal, id));
  }

  @Patch('integrations/:id')
  @Roles('admin', 'teacher')
  async update(
    @Param('id') id: string,
    @Body(new ZodPipe(patchIntegrationBody)) body: PatchIntegrationBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return presentIntegration(await this.service.update(principal, id, body));
  }

  @Post('integrations/:id/rotate-secrets')
  @Roles('admin', 'teacher')
  @HttpCode(200)
  rotate(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.service.rotate(principal, id);
  }

  @Get('integrations/:id/deliveries')
  async deliveries(
    @Param('id') id: string,
    @Query(new ZodQueryPipe(pageQuery)) query: PageQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const integration = await this.service.find(principal, id);
    const page = await this.events.listForIntegration(integration.id, query);
    return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
  }

  /** Sends the event again with the same webhook-id, whatever its state; 202 once it is due. */
  @Post('deliveries/:id/redeliver')
  @Roles('admin', 'teacher')
  @HttpCode(202)
  async redeliver(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const event = isId(id) ? await this.events.findById(id, orgScope(principal)) : null;
    if (!event) throw notFound('delivery');
    const attempts = await this.events.requestRedelivery(event.id);
    if (attempts === null) throw notFound('delivery');
    // If Redis is down the row is already due: the reconciler enqueues it.
    await this.webhooks
      .enqueue([{ eventId: event.id, attempt: attempts, redeliveryOf: Date.now() }])
      .catch((error: Error) => this.logger.warn(`redelivery of ${event.id} left to the reconciler: ${error.message}`));
    return { id: event.id, status: 'pending' };
  }
}
