// Protects the secret format receivers rely on: whsec_ + base64 of 32 random bytes, decoded to the HMAC key.
import { describe, expect, it } from '@jest/globals';
import { generateWebhookSecret, webhookSecretKeyBytes } from './webhook-secret.js';

describe('generateWebhookSecret', () => {
  it('produces whsec_ followed by base64 of 32 bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKeyBytes(secret)).toHaveLength(32);
  });

  it('never repeats', () => {
    const secrets = new Set(Array.from({ length: 200 }, () => generateWebhookSecret()));
    expect(secrets.size).toBe(200);
  });
});

describe('webhookSecretKeyBytes', () => {
  it('decodes the bytes after the prefix, and accepts bare base64 like the standardwebhooks package', () => {
    const keyBytes = Buffer.from('0123456789abcdef0123456789abcdef');
    const encoded = keyBytes.toString('base64');
    expect(webhookSecretKeyBytes(`whsec_${encoded}`).equals(keyBytes)).toBe(true);
    expect(webhookSecretKeyBytes(encoded).equals(keyBytes)).toBe(true);
  });

  it.each(['whsec_', 'whsec_not base64!', 'whsec_abc$def'])('refuses %j', (secret) => {
    expect(() => webhookSecretKeyBytes(secret)).toThrow(/base64|empty/);
  });
});
