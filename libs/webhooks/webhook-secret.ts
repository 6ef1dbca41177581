// Webhook secrets in the Standard Webhooks form: `whsec_` + base64 of 32 random bytes.
// The HMAC key is the decoded bytes, not the string, so every receiver library agrees on it.
import { randomBytes } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const SECRET_KEY_BYTES = 32;

export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(SECRET_KEY_BYTES).toString('base64');
}

/**
 * The HMAC key bytes of a secret. Like the `standardwebhooks` package, a secret without the
 * prefix is read as bare base64, so keys copied without `whsec_` still work.
 */
export function webhookSecretKeyBytes(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  // Node's base64 decoder skips invalid characters silently; refuse them so a typo is an error.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new Error('webhook secret is not base64 after the whsec_ prefix');
  }
  const keyBytes = Buffer.from(encoded, 'base64');
  if (keyBytes.length === 0) throw new Error('webhook secret is empty');
  return keyBytes;
}
