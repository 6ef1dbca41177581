import type { Db } from '../database.js';
import { type Page, type PageRequest, toPage } from '../pagination.js';
import type { IntegrationRow } from './integration.repository.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookEventRow {
  id: string;
  orgId: string;
  integrationId: string;
  type: string;
  webhookId: string;
  submissionId: string | null;
  resultVersion: number | null;
  batchId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface AttemptRecord {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  /** Null when no further attempt is planned (delivered, given up, or not retryable). */
  nextAttemptAt: Date | null;
}

/** The outbox rows seen as deliveries: what the worker sends and the delivery log lists. */
export class WebhookEventRepository {
  constructor(private readonly prisma: Db) {}

  async findForDelivery(id: string): Promise<{ event: WebhookEventRow; integration: IntegrationRow } | null> {
    const event = await this.prisma.webhookEvent.findUnique({ where: { id } });
    if (!event) return null;
    const integration = await this.prisma.integration.findUnique({ where: { id: event.integrationId } });
    return integration ? { event: event as WebhookEventRow, integration } : null;
  }

  /**
   * Records the attempt that was number `attemptsBefore + 1`. False when another attempt was
   * recorded meanwhile (a duplicate job): the caller then schedules nothing.
   */
  async recordAttempt(id: string, attemptsBefore: number, attempt: AttemptRecord): Promise<boolean> {
    const status: DeliveryStatus = attempt.ok ? 'delivered' : attempt.nextAttemptAt ? 'pending' : 'failed';
    const { count } = await this.prisma.webhookEvent.updateMany({
      where: { id, attempts: attemptsBefore },
      data: {
        attempts: attemptsBefore + 1,
        status,
        lastStatusCode: attempt.statusCode,
        lastError: attempt.error,
        nextAttemptAt: attempt.nextAttemptAt,
        ...(attempt.ok ? { deliveredAt: new Date() } : {}),
        updatedAt: new Date(),
      },
    });
    return count > 0;
  }

  /** An event that cannot be sent now (its integration is disabled); a redelivery can revive it. */
  async markUndeliverable(id: string, reason: string): Promise<void> {
    await this.prisma.webhookEvent.update({
      where: { id },
      data: { status: 'failed', lastError: reason, nextAttemptAt: null, updatedAt: new Date() },
    });
  }

  async listForIntegration(integrationId: string, page: PageRequest): Promise<Page<WebhookEventRow>> {
    const rows = await this.prisma.webhookEvent.findMany({
      where: { integrationId, ...(page.cursor ? { id: { gt: page.cursor } } : {}) },
      orderBy: { id: 'asc' },
      take: page.limit + 1,
    });
    return toPage(rows as WebhookEventRow[], page.limit);
  }

  async findById(id: string, orgId: string | null): Promise<WebhookEventRow | null> {
    const row = await this.prisma.webhookEvent.findFirst({ where: { id, ...(orgId ? { orgId } : {}) } });
    return row as WebhookEventRow | null;
  }

  /** Makes the event due now; returns its attempt count (the next job's id depends on it). */
  async requestRedelivery(id: string): Promise<number | null> {
    const rows = await this.prisma.webhookEvent.updateManyAndReturn({
      where: { id },
      data: { status: 'pending', nextAttemptAt: new Date(), updatedAt: new Date() },
      select: { attempts: true },
    });
    return rows[0]?.attempts ?? null;
  }

  /**
   * Pending deliveries due before `olderThan` that nobody has looked at since: the reconciler
   * re-enqueues them (a job that still exists is not duplicated) and touches them.
   */
  findDue(olderThan: Date, limit: number): Promise<{ id: string; attempts: number }[]> {
    return this.prisma.webhookEvent.findMany({
      where: { status: 'pending', nextAttemptAt: { lt: olderThan }, updatedAt: { lt: olderThan } },
      select: { id: true, attempts: true },
      orderBy: { nextAttemptAt: 'asc' },
      take: limit,
    });
  }

  async touch(ids: string[]): Promise<void> {
    if (ids.length > 0)
      await this.prisma.webhookEvent.updateMany({ where: { id: { in: ids } }, data: { updatedAt: new Date() } });
  }
}
