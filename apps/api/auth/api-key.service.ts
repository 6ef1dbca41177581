import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { ApiKeyRepository, type ApiKeyRole } from '../../../libs/db/index.js';
import { ApiKeyHasher } from './api-key-hasher.js';
import type { Principal } from './principal.js';
import { SERVER_SECRET } from './server-secret.js';

const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 10_000;

/** Issues keys, resolves a presented key to a principal (briefly cached), bootstraps the admin key. */
@Injectable()
export class ApiKeyService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ApiKeys');
  private readonly hasher: ApiKeyHasher;
  private readonly cache = new Map<string, { principal: Principal | null; expiresAt: number }>();

  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SERVER_SECRET) serverSecret: string,
  ) {
    this.hasher = new ApiKeyHasher(serverSecret);
  }

  async onApplicationBootstrap(): Promise<void> {
    const bootstrapKey = this.config.bootstrapAdminKey;
    if (bootstrapKey) {
      await this.keys.ensure({
        role: 'admin',
        name: 'bootstrap admin',
        prefix: this.hasher.prefixOf(bootstrapKey),
        keyHash: this.hasher.hash(bootstrapKey),
      });
      return;
    }
    if (await this.keys.hasActiveAdmin()) return;
    const created = await this.issue({ orgId: null, role: 'admin', name: 'first admin' });
    // Printed once, on the very first start: the only time this key is visible.
    process.stdout.write(`\nStepGrade created an admin API key (shown once, keep it safe):\n  ${created.key}\n\n`);
  }

  async issue(input: { orgId: string | null; role: ApiKeyRole; name: string; integrationId?: string | null }) {
    const { key, prefix } = this.hasher.generate();
    const row = await this.keys.create({ ...input, prefix, keyHash: this.hasher.hash(key) });
    return { ...row, key };
  }

  async resolve(key: string): Promise<Principal | null> {
    const keyHash = this.hasher.hash(key);
    const cached = this.cache.get(keyHash);
    if (cached && cached.expiresAt > Date.now()) return cached.principal;
    const row = await this.keys.findActiveByHash(keyHash);
    const principal = row ? { keyId: row.id, role: row.role, orgId: row.orgId } : null;
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    this.cache.set(keyHash, { principal, expiresAt: Date.now() + CACHE_TTL_MS });
    return principal;
  }

  /** Revocation takes effect at once in this process (other processes within the cache TTL). */
  async revoke(id: string): Promise<boolean> {
    const revoked = await this.keys.revoke(id);
    this.cache.clear();
    if (revoked) this.logger.log(`revoked API key ${id}`);
    return revoked;
  }
}
