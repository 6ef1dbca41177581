import type { IntegrationRow, WebhookEventRow } from '../../../libs/db/index.js';

/** An integration as the API shows it: never its secrets (they are shown once, at creation or rotation). */
export function presentIntegration(integration: IntegrationRow) {
  return {
    id: integration.id,
    orgId: integration.orgId,
    name: integration.name,
    callbackUrl: integration.callbackUrl,
    events: integration.events,
    enabled: integration.enabled,
    disabledReason: integration.disabledReason,
    previousSecretsExpireAt:
      integration.previousExpiresAt && integration.previousExpiresAt > new Date()
        ? integration.previousExpiresAt
        : null,
    createdAt: integration.createdAt,
    updatedAt: integration.updatedAt,
  };
}

export function presentDelivery(event: WebhookEventRow) {
  return {
    id: event.id,
    eventType: event.type,
    webhookId: event.webhookId,
    status: event.status,
    attempts: event.attempts,
    lastStatusCode: event.lastStatusCode,
    lastError: event.lastError,
    nextAttemptAt: event.nextAttemptAt,
    deliveredAt: event.deliveredAt,
    submissionId: event.submissionId,
    resultVersion: event.resultVersion,
    batchId: event.batchId,
    createdAt: event.createdAt,
  };
}
