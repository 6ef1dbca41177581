import { createHmac, randomBytes } from 'node:crypto';

const KEY_PATTERN = /^sg_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

/**
 * API keys are 32 random bytes (plus a visible prefix). They are stored as an HMAC with a server
 * pepper: a slow KDF adds nothing for random secrets and would cap request rates.
 */
export class ApiKeyHasher {
  private readonly pepper: Buffer;

  constructor(secretKey: string) {
    this.pepper = createHmac('sha256', secretKey).update('stepgrade api-key pepper v1').digest();
  }

  generate(): { key: string; prefix: string } {
    const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
    const key = `sg_${prefix}_${randomBytes(32).toString('base64url')}`;
    return { key, prefix };
  }

  hash(key: string): string {
    return createHmac('sha256', this.pepper).update(key).digest('hex');
  }

  /** The prefix of a key given from outside (the bootstrap key may have any shape). */
  prefixOf(key: string): string {
    return KEY_PATTERN.exec(key)?.[1] ?? key.slice(0, 8);
  }
}
