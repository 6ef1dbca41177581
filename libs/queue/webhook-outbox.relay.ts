import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { WebhookOutboxNotifier } from '../db/index.js';
import { WebhookQueueProducer } from './webhook-queue.producer.js';

/** Enqueues the first delivery of each outbox event this process commits (results, overrides). */
@Injectable()
export class WebhookOutboxRelay implements OnModuleInit {
  private readonly logger = new Logger('WebhookOutbox');

  constructor(
    private readonly outbox: WebhookOutboxNotifier,
    private readonly producer: WebhookQueueProducer,
  ) {}

  onModuleInit(): void {
    this.outbox.onCommitted(async (eventIds) => {
      try {
        await this.producer.enqueue(eventIds.map((eventId) => ({ eventId, attempt: 0 })));
      } catch (error) {
        // Committed as pending and due: the reconciler enqueues them.
        this.logger.warn(
          `enqueue of ${eventIds.length} webhook event(s) deferred to the reconciler: ${(error as Error).message}`,
        );
      }
    });
  }
}
