export type WebhookEventType = 'submission.graded' | 'submission.needs_review' | 'batch.completed';
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'submission.graded',
  'submission.needs_review',
  'batch.completed',
];

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
