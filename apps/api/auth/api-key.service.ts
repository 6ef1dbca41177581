import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { ApiKeyRepository, type ApiKeyRole } from '../../../libs/db/index.js';
import { ApiKeyHasher } from './api-key-hasher.js';
import type { Principal } from './principal.js';
import { SERVER_SECRET } from './server-secret.js';

const CACHE_TTL_MS = 30_000;
// Invalid keys are remembered briefly, apart from the valid ones: a flood of random keys can
// neither make repeats cost a lookup each nor push the valid keys out.
const INVALID_TTL_MS = 10_000;
const CACHE_MAX_ENTRIES = 10_000;

/** A bounded map from key hash to an entry with an expiry; the oldest entry goes first when full. */
class ExpiringCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry.value;
    if (entry) this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T): void {
    if (this.entries.size >= CACHE_MAX_ENTRIES && !this.entries.has(key))
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Issues keys, resolves a presented key to a principal (briefly cached), bootstraps the admin key. */
@Injectable()
export class ApiKeyService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ApiKeys');
  private readonly hasher: ApiKeyHasher;
  private readonly valid = new ExpiringCache<Principal>(CACHE_TTL_MS);
  private readonly invalid = new ExpiringCache<true>(INVALID_TTL_MS);

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

  /** The principal when the key is known good from the cache (no lookup), else undefined. */
  cached(key: string): Principal | undefined {
    return this.valid.get(this.hasher.hash(key));
  }

  async resolve(key: string): Promise<Principal | null> {
    const keyHash = this.hasher.hash(key);
    const known = this.valid.get(keyHash);
    if (known) return known;
    if (this.invalid.get(keyHash)) return null;
    const row = await this.keys.findActiveByHash(keyHash);
    if (!row) {
      this.invalid.set(keyHash, true);
      return null;
    }
    const principal = { keyId: row.id, role: row.role, orgId: row.orgId };
    this.valid.set(keyHash, principal);
    return principal;
  }

  /** Revocation takes effect at once in this process (other processes within the cache TTL). */
  async revoke(id: string): Promise<boolean> {
    const revoked = await this.keys.revoke(id);
    this.valid.clear();
    if (revoked) this.logger.log(`revoked API key ${id}`);
    return revoked;
  }
}
