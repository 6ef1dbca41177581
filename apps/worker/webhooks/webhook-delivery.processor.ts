import { Injectable } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { deliverWebhookPayload } from '../../../libs/queue/index.js';
import type { JobHandler } from '../pools/job-handler.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';

/**
 * Thin: validate the payload and make one attempt. Receiver trouble is recorded on the event and
 * retried by a new delayed job; only our own faults (Postgres down) fail the job for BullMQ to retry.
 */
@Injectable()
export class WebhookDeliveryProcessor implements JobHandler {
  constructor(private readonly delivery: WebhookDeliveryService) {}

  async process(job: Job): Promise<unknown> {
    const payload = deliverWebhookPayload.safeParse(job.data);
    if (!payload.success)
      throw new UnrecoverableError(`invalid webhook job payload: ${payload.error.issues[0]?.message}`);
    return { result: await this.delivery.deliver(payload.data) };
  }
}
