import type { Db } from '../database.js';
import { newId } from '../ids.js';

export interface InboundEventRecord {
  integrationId: string;
  webhookId: string;
  type: string;
  /** accepted: acted on; ignored: an event type StepGrade does not handle. */
  outcome: 'accepted' | 'ignored';
  submissionId: string | null;
}

/** Inbound webhook ids already processed, so a replayed delivery changes nothing. */
export class InboundEventRepository {
  constructor(private readonly prisma: Db) {}

  async seen(integrationId: string, webhookId: string): Promise<boolean> {
    const found = await this.prisma.inboundEvent.findUnique({
      where: { integrationId_webhookId: { integrationId, webhookId } },
      select: { id: true },
    });
    return found !== null;
  }

  /**
   * Written after the event was acted on: a failure before this point lets the sender's retry
   * process it again (submission.created is idempotent on its externalId, so a race is harmless).
   */
  async record(input: InboundEventRecord): Promise<void> {
    await this.prisma.inboundEvent.createMany({ data: [{ id: newId(), ...input }], skipDuplicates: true });
  }
}
