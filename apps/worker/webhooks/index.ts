import { WebhookDeliveryProcessor } from './webhook-delivery.processor.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookEventRenderer } from './webhook-event.renderer.js';
import { WebhookOutboxRelay } from '../../../libs/queue/index.js';

export { WebhookDeliveryProcessor } from './webhook-delivery.processor.js';

/** Everything the worker needs to deliver outbound webhooks from the `webhooks` queue. */
export const WEBHOOK_PROVIDERS = [
  WebhookEventRenderer,
  WebhookDeliveryService,
  WebhookDeliveryProcessor,
  WebhookOutboxRelay,
];
