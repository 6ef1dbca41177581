import { Controller, Headers, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { IncomingHeaders } from '../../../libs/webhooks/index.js';
import { Public } from '../auth/auth.decorators.js';
import { BodyCheckedPerItem } from '../common/storable-text.interceptor.js';
import { InboundEventService } from './inbound-event.service.js';
import type { RequestWithRawBody } from './raw-body.capture.js';

/** POST /v1/integrations/:id/events: no API key; the Standard Webhooks signature is the credential. */
@Controller('v1')
export class InboundEventsController {
  constructor(private readonly inbound: InboundEventService) {}

  @Post('integrations/:id/events')
  @Public()
  // Checked after the signature (the 401 comes first): the envelope and the intake's schema.
  @BodyCheckedPerItem()
  async receive(
    @Param('id') id: string,
    @Req() request: RequestWithRawBody,
    @Headers() headers: IncomingHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const outcome = await this.inbound.receive(id, request.rawBody, headers, request.body);
    void reply.status(outcome.status);
    return outcome.body;
  }
}
