import type { Prisma } from '../generated/prisma/client.js';
import { newId } from '../ids.js';

export type WebhookEventType = 'submission.graded' | 'submission.needs_review' | 'batch.completed';
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'submission.graded',
  'submission.needs_review',
  'batch.completed',
];

export type OutboxEventInput =
  | {
      orgId: string;
      type: 'submission.graded' | 'submission.needs_review';
      submissionId: string;
      resultVersion: number;
    }
  | { orgId: string; type: 'batch.completed'; batchId: string };

/**
 * Writes one outbox row per enabled integration of the organization subscribed to the event, in
 * the caller's transaction: the event commits with the result that caused it, or not at all.
 * The (integration, dedupe key) unique index makes a replay write nothing. Returns the new ids.
 */
export async function recordOutboxEvents(tx: Prisma.TransactionClient, input: OutboxEventInput): Promise<string[]> {
  const integrations = await tx.integration.findMany({
    where: { orgId: input.orgId, enabled: true, events: { has: input.type } },
    select: { id: true },
  });
  if (integrations.length === 0) return [];
  const about =
    input.type === 'batch.completed'
      ? { dedupeKey: `${input.type}:${input.batchId}`, batchId: input.batchId }
      : {
          dedupeKey: `${input.type}:${input.submissionId}:v${input.resultVersion}`,
          submissionId: input.submissionId,
          resultVersion: input.resultVersion,
        };
  const created = await tx.webhookEvent.createManyAndReturn({
    data: integrations.map((integration) => {
      const id = newId();
      return {
        id,
        orgId: input.orgId,
        integrationId: integration.id,
        type: input.type,
        webhookId: `msg_${id.replace(/-/g, '')}`,
        nextAttemptAt: new Date(),
        ...about,
      };
    }),
    skipDuplicates: true,
    select: { id: true },
  });
  return created.map((row) => row.id);
}

/**
 * Tells whoever enqueues deliveries that outbox rows committed. Listeners run after commit; if one
 * fails (Redis down), the rows wait for the reconciler, so nothing is lost.
 */
export class WebhookOutboxNotifier {
  private readonly listeners: Array<(eventIds: string[]) => Promise<void>> = [];

  onCommitted(listener: (eventIds: string[]) => Promise<void>): void {
    this.listeners.push(listener);
  }

  async committed(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    for (const listener of this.listeners) await listener(eventIds);
  }
}
