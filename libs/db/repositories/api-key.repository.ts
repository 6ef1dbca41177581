import type { Db } from '../database.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../pagination.js';

export type ApiKeyRole = 'admin' | 'teacher' | 'integration';

export interface ApiKeyRow {
  id: string;
  orgId: string | null;
  role: ApiKeyRole;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const PUBLIC_FIELDS = {
  id: true,
  orgId: true,
  role: true,
  name: true,
  prefix: true,
  createdAt: true,
  revokedAt: true,
} as const;

export class ApiKeyRepository {
  constructor(private readonly prisma: Db) {}

  create(input: {
    orgId: string | null;
    role: ApiKeyRole;
    name: string;
    prefix: string;
    keyHash: string;
    integrationId?: string | null;
  }): Promise<ApiKeyRow> {
    return this.prisma.apiKey.create({ data: { id: newId(), ...input }, select: PUBLIC_FIELDS });
  }

  /** Only keys that are not revoked authenticate. */
  findActiveByHash(keyHash: string): Promise<ApiKeyRow | null> {
    return this.prisma.apiKey.findFirst({ where: { keyHash, revokedAt: null }, select: PUBLIC_FIELDS });
  }

  /**
   * Whether a review link made by this key may still be used on this resource: the key is not
   * revoked, and (unless it is an admin key) its organization still exists and owns the resource.
   */
  async mayUseLinkFrom(keyId: string, resource: { kind: 'submission' | 'assignment'; id: string }): Promise<boolean> {
    const key = await this.prisma.apiKey.findFirst({
      where: { id: keyId, revokedAt: null },
      select: { orgId: true, org: { select: { id: true } } },
    });
    if (!key) return false;
    if (key.orgId === null) return true; // an admin key reviews every organization
    if (!key.org) return false;
    const where = { id: resource.id, orgId: key.orgId };
    const count =
      resource.kind === 'submission'
        ? await this.prisma.submission.count({ where })
        : await this.prisma.assignment.count({ where });
    return count > 0;
  }

  async hasActiveAdmin(): Promise<boolean> {
    return (await this.prisma.apiKey.count({ where: { role: 'admin', revokedAt: null } })) > 0;
  }

  /** Idempotent: a bootstrap key configured in the environment exists after every start. */
  async ensure(input: { role: ApiKeyRole; name: string; prefix: string; keyHash: string }): Promise<void> {
    await this.prisma.apiKey.upsert({
      where: { keyHash: input.keyHash },
      create: { id: newId(), orgId: null, ...input },
      update: { revokedAt: null },
    });
  }

  async list(page: PageRequest): Promise<Page<ApiKeyRow>> {
    const rows = await this.prisma.apiKey.findMany({
      select: PUBLIC_FIELDS,
      where: page.cursor ? { id: { gt: page.cursor } } : {},
      orderBy: { id: 'asc' },
      take: page.limit + 1,
    });
    return toPage(rows, page.limit);
  }

  async revoke(id: string): Promise<boolean> {
    const { count } = await this.prisma.apiKey.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return count > 0;
  }
}
