import type { Db } from '../database.js';
import { type Page, type PageRequest, toPage } from '../pagination.js';

/** An integration as stored: the secrets are encrypted blobs, never plain text. */
export interface IntegrationRow {
  id: string;
  orgId: string;
  name: string;
  callbackUrl: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  signingSecret: string;
  inboundSecret: string;
  previousSigningSecret: string | null;
  previousInboundSecret: string | null;
  previousExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewIntegration {
  id: string;
  orgId: string;
  name: string;
  callbackUrl: string;
  events: string[];
  signingSecret: string;
  inboundSecret: string;
}

export interface IntegrationPatch {
  enabled?: boolean | undefined;
  callbackUrl?: string | undefined;
  events?: string[] | undefined;
}

/** Org scope: null for admins (every organization), else the caller's organization. */
const scoped = (id: string, orgId: string | null) => ({ id, ...(orgId ? { orgId } : {}) });

export class IntegrationRepository {
  constructor(private readonly prisma: Db) {}

  create(input: NewIntegration): Promise<IntegrationRow> {
    return this.prisma.integration.create({ data: input });
  }

  findById(id: string, orgId: string | null): Promise<IntegrationRow | null> {
    return this.prisma.integration.findFirst({ where: scoped(id, orgId) });
  }

  async list(
    filter: { orgId: string | null; onlyId?: string | null },
    page: PageRequest,
  ): Promise<Page<IntegrationRow>> {
    const rows = await this.prisma.integration.findMany({
      where: {
        ...(filter.orgId ? { orgId: filter.orgId } : {}),
        AND: [
          filter.onlyId !== undefined ? { id: filter.onlyId ?? '' } : {},
          page.cursor ? { id: { gt: page.cursor } } : {},
        ],
      },
      orderBy: { id: 'asc' },
      take: page.limit + 1,
    });
    return toPage(rows, page.limit);
  }

  /** Re-enabling clears the reason it was disabled (a 410 from the receiver, say). */
  async update(id: string, orgId: string | null, patch: IntegrationPatch): Promise<IntegrationRow | null> {
    const data = {
      ...(patch.callbackUrl !== undefined ? { callbackUrl: patch.callbackUrl } : {}),
      ...(patch.events !== undefined ? { events: patch.events } : {}),
      ...(patch.enabled !== undefined
        ? { enabled: patch.enabled, disabledReason: patch.enabled ? null : 'disabled by a user' }
        : {}),
      updatedAt: new Date(),
    };
    const { count } = await this.prisma.integration.updateMany({ where: scoped(id, orgId), data });
    return count === 0 ? null : this.findById(id, orgId);
  }

  /** The current secrets become the previous ones (valid until `previousExpiresAt`). */
  async rotate(
    id: string,
    orgId: string | null,
    next: { signingSecret: string; inboundSecret: string; previousExpiresAt: Date },
  ): Promise<boolean> {
    const count = await this.prisma.$executeRaw`
      UPDATE integrations
      SET previous_signing_secret = signing_secret, previous_inbound_secret = inbound_secret,
          signing_secret = ${next.signingSecret}, inbound_secret = ${next.inboundSecret},
          previous_expires_at = ${next.previousExpiresAt}, updated_at = now()
      WHERE id = ${id} AND (${orgId}::text IS NULL OR org_id = ${orgId})`;
    return count > 0;
  }

  /** The receiver answered 410 Gone: stop sending until a person re-enables it. */
  async disable(id: string, reason: string): Promise<void> {
    await this.prisma.integration.update({
      where: { id },
      data: { enabled: false, disabledReason: reason, updatedAt: new Date() },
    });
  }

  /** The integration an integration-role API key is bound to (null: bound to none). */
  async integrationIdOfKey(keyId: string): Promise<string | null> {
    const key = await this.prisma.apiKey.findUnique({ where: { id: keyId }, select: { integrationId: true } });
    return key?.integrationId ?? null;
  }
}
