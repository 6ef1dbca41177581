import { InboundEventService } from './inbound-event.service.js';
import { InboundEventsController } from './inbound-events.controller.js';
import { IntegrationsController } from './integrations.controller.js';
import { IntegrationsService } from './integrations.service.js';
import { RawBodyCapture } from './raw-body.capture.js';
import { WebhookOutboxRelay } from '../../../libs/queue/index.js';

export const INTEGRATION_CONTROLLERS = [IntegrationsController, InboundEventsController];
export const INTEGRATION_PROVIDERS = [IntegrationsService, InboundEventService, RawBodyCapture, WebhookOutboxRelay];
