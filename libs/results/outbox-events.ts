import type { OutboxRow } from '../db/index.js';

// Which outbox rows an event makes: one per enabled integration of its organization subscribed to
// the event's type, keyed so a replay of the same event writes nothing (ARCHITECTURE.md, Deliver).

export type ResultEventType = 'submission.graded' | 'submission.needs_review';

export type OutboxEvent =
  | { orgId: string; type: ResultEventType; submissionId: string; resultVersion: number }
  | { orgId: string; type: 'batch.completed'; batchId: string };

/** The event a settled submission sends; a failed one sends none. */
export function eventTypeFor(status: 'graded' | 'needs_review' | 'failed'): ResultEventType | null {
  if (status === 'graded') return 'submission.graded';
  return status === 'needs_review' ? 'submission.needs_review' : null;
}

export function dedupeKeyOf(event: OutboxEvent): string {
  return event.type === 'batch.completed'
    ? `${event.type}:${event.batchId}`
    : `${event.type}:${event.submissionId}:v${event.resultVersion}`;
}

export function outboxRowsFor(
  events: OutboxEvent[],
  integrations: { id: string; orgId: string; events: string[] }[],
): OutboxRow[] {
  return events.flatMap((event) =>
    integrations
      .filter((integration) => integration.orgId === event.orgId && integration.events.includes(event.type))
      .map((integration) => ({
        orgId: event.orgId,
        integrationId: integration.id,
        type: event.type,
        dedupeKey: dedupeKeyOf(event),
        ...(event.type === 'batch.completed'
          ? { batchId: event.batchId }
          : { submissionId: event.submissionId, resultVersion: event.resultVersion }),
      })),
  );
}
