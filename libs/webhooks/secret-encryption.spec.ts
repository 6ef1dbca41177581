// Protects encryption at rest of integration secrets: round trip, authenticated, bound to its row and key purpose.
import { describe, expect, it } from '@jest/globals';
import { decryptSecret, deriveKey, deriveSecretEncryptionKey, encryptSecret } from './secret-encryption.js';
import { generateWebhookSecret } from './webhook-secret.js';

const serverSecret = 'a-long-server-secret-for-tests-only';
const key = deriveSecretEncryptionKey(serverSecret);

describe('deriveKey', () => {
  it('is deterministic per secret and differs by purpose and by secret', () => {
    expect(deriveSecretEncryptionKey(serverSecret).equals(key)).toBe(true);
    expect(key).toHaveLength(32);
    expect(deriveKey(serverSecret, 'review-links:v1').equals(key)).toBe(false);
    expect(deriveSecretEncryptionKey(`${serverSecret}x`).equals(key)).toBe(false);
  });

  it('refuses a short server secret', () => {
    expect(() => deriveSecretEncryptionKey('short')).toThrow(/at least 16/);
  });
});

describe('encryptSecret / decryptSecret', () => {
  const plain = generateWebhookSecret();

  it('round-trips and never stores the plaintext', () => {
    const blob = encryptSecret(plain, key, 'integration-1');
    expect(blob.startsWith('v1:')).toBe(true);
    expect(blob).not.toContain(plain.slice(6));
    expect(decryptSecret(blob, key, 'integration-1')).toBe(plain);
  });

  it('uses a fresh nonce each time', () => {
    expect(encryptSecret(plain, key)).not.toBe(encryptSecret(plain, key));
  });

  it('refuses the wrong key, another row, and a tampered ciphertext', () => {
    const blob = encryptSecret(plain, key, 'integration-1');
    const otherKey = deriveSecretEncryptionKey('another-server-secret-value');
    expect(() => decryptSecret(blob, otherKey, 'integration-1')).toThrow(/failed authentication/);
    expect(() => decryptSecret(blob, key, 'integration-2')).toThrow(/failed authentication/);
    const [version, nonce, ciphertext, tag] = blob.split(':');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    const tampered = [version, nonce, flipped.toString('base64url'), tag].join(':');
    expect(() => decryptSecret(tampered, key, 'integration-1')).toThrow(/failed authentication/);
  });

  it('refuses unknown formats and wrong key sizes', () => {
    expect(() => decryptSecret('v2:a:b:c', key)).toThrow(/unknown format/);
    expect(() => decryptSecret(plain, key)).toThrow(/unknown format/);
    expect(() => encryptSecret(plain, Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
