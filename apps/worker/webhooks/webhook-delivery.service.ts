import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, resolveSecretKey } from '../../../libs/config/index.js';
import { IntegrationRepository, WebhookEventRepository } from '../../../libs/db/index.js';
import { IntegrationSecrets } from '../../../libs/integrations/index.js';
import { type DeliverWebhookPayload, WebhookQueueProducer } from '../../../libs/queue/index.js';
import { deliverWebhook, nextAttemptDelayMs, parseAllowHosts } from '../../../libs/webhooks/index.js';
import { WebhookEventRenderer } from './webhook-event.renderer.js';

export type DeliveryResult = 'delivered' | 'retry_scheduled' | 'failed' | 'skipped';

/**
 * One delivery attempt of one outbox event: sign with every active secret, POST through the SSRF
 * guard with the configured timeout, record the attempt, then schedule the next one (backoff with
 * jitter) or stop (2xx, 410 Gone, or attempts used up).
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('WebhookDelivery');
  private readonly secrets: IntegrationSecrets;
  private readonly allowHosts: string[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: WebhookEventRepository,
    private readonly integrations: IntegrationRepository,
    private readonly renderer: WebhookEventRenderer,
    private readonly producer: WebhookQueueProducer,
  ) {
    this.secrets = new IntegrationSecrets(resolveSecretKey(config, (message) => this.logger.warn(message)));
    this.allowHosts = parseAllowHosts(config.webhooks.allowHosts);
  }

  async deliver(job: DeliverWebhookPayload): Promise<DeliveryResult> {
    const found = await this.events.findForDelivery(job.eventId);
    // A job older than the last recorded attempt, or for an event that is settled, does nothing.
    if (!found || found.event.status !== 'pending' || found.event.attempts !== job.attempt) return 'skipped';
    const { event, integration } = found;
    if (!integration.enabled) {
      await this.events.markUndeliverable(
        event.id,
        `integration disabled${integration.disabledReason ? `: ${integration.disabledReason}` : ''}`,
      );
      return 'failed';
    }
    const outcome = await deliverWebhook({
      url: integration.callbackUrl,
      secrets: this.secrets.signing(integration),
      webhookId: event.webhookId,
      timestamp: Math.floor(Date.now() / 1000),
      body: await this.renderer.render(event),
      timeoutMs: Math.max(1, this.config.webhooks.timeoutS * 1000),
      allowHosts: this.allowHosts,
    });
    const attemptsMade = event.attempts + 1;
    const delayMs = outcome.ok || !outcome.retryable ? null : nextAttemptDelayMs(attemptsMade);
    const recorded = await this.events.recordAttempt(event.id, event.attempts, {
      ok: outcome.ok,
      statusCode: outcome.statusCode,
      error: outcome.ok ? null : (outcome.error ?? `receiver answered HTTP ${outcome.statusCode}`),
      nextAttemptAt: delayMs === null ? null : new Date(Date.now() + delayMs),
    });
    if (outcome.disable) {
      await this.integrations.disable(integration.id, 'the receiver answered 410 Gone');
      this.logger.warn(`integration ${integration.id} disabled: its receiver answered 410 Gone`);
    }
    if (outcome.ok) return 'delivered';
    if (!recorded || delayMs === null) return 'failed';
    await this.scheduleRetry(event.id, attemptsMade, delayMs);
    return 'retry_scheduled';
  }

  private async scheduleRetry(eventId: string, attempt: number, delayMs: number): Promise<void> {
    try {
      await this.producer.enqueue([{ eventId, attempt, delayMs }]);
    } catch (error) {
      // The row is pending with its next_attempt_at: the reconciler enqueues it once it is due.
      this.logger.warn(`retry of webhook event ${eventId} left to the reconciler: ${(error as Error).message}`);
    }
  }
}
