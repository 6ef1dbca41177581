// Integration secrets are stored encrypted (AES-256-GCM) under a key derived from the server
// secret, so a database dump alone cannot be used to forge webhook signatures.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const FORMAT_VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// A fixed, public salt: the server secret is already high-entropy; HKDF's `info` separates uses.
const HKDF_SALT = 'stepgrade-hkdf-salt-v1';

export const INTEGRATION_SECRETS_KEY_PURPOSE = 'integration-secrets:v1';

/** A 32-byte key for one purpose, derived with HKDF-SHA256 from the server secret string. */
export function deriveKey(serverSecret: string, purpose: string): Buffer {
  if (serverSecret.length < 16) throw new Error('server secret must be at least 16 characters');
  if (purpose.length === 0) throw new Error('key purpose label must not be empty');
  return Buffer.from(hkdfSync('sha256', serverSecret, HKDF_SALT, `stepgrade:${purpose}`, KEY_BYTES));
}

export function deriveSecretEncryptionKey(serverSecret: string): Buffer {
  return deriveKey(serverSecret, INTEGRATION_SECRETS_KEY_PURPOSE);
}

/**
 * `v1:<nonce>:<ciphertext>:<tag>` (base64url parts). `associatedData` (e.g. the integration id)
 * binds the blob to its row: a blob copied onto another row does not decrypt.
 */
export function encryptSecret(plain: string, key: Buffer, associatedData = ''): string {
  assertKeyLength(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [nonce, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return [FORMAT_VERSION, ...parts].join(':');
}

export function decryptSecret(blob: string, key: Buffer, associatedData = ''): string {
  assertKeyLength(key);
  const [version, nonceText, ciphertextText, tagText, ...extra] = blob.split(':');
  if (version !== FORMAT_VERSION || tagText === undefined || extra.length > 0) {
    throw new Error(`encrypted secret has an unknown format (expected ${FORMAT_VERSION}:nonce:ciphertext:tag)`);
  }
  const nonce = Buffer.from(nonceText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) {
    throw new Error('encrypted secret has a malformed nonce or tag');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (cause) {
    throw new Error('encrypted secret failed authentication (wrong key, wrong row, or tampered)', { cause });
  }
}

function assertKeyLength(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
}
