import type { IntegrationRow } from '../db/index.js';
import { decryptSecret, deriveSecretEncryptionKey, encryptSecret, generateWebhookSecret } from '../webhooks/index.js';

/** How long the secrets replaced by a rotation stay valid (API.md: old and new for 24 h). */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/**
 * Encrypts and decrypts an integration's secrets with a key derived from the server secret. The
 * row id is the associated data, so a blob copied onto another row does not decrypt.
 */
export class IntegrationSecrets {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    this.key = deriveSecretEncryptionKey(serverSecret);
  }

  /** A fresh pair, in plain text (shown once) and encrypted for the given row. */
  generate(integrationId: string) {
    const signingSecret = generateWebhookSecret();
    const inboundSecret = generateWebhookSecret();
    return {
      plain: { signingSecret, inboundSecret },
      encrypted: {
        signingSecret: this.encrypt(signingSecret, integrationId),
        inboundSecret: this.encrypt(inboundSecret, integrationId),
      },
    };
  }

  /** Outbound signing secrets: the current one first, plus the previous one during the overlap. */
  signing(integration: IntegrationRow, now = new Date()): string[] {
    return this.active(integration, integration.signingSecret, integration.previousSigningSecret, now);
  }

  /** Inbound verification secrets: any of them may have signed a request. */
  inbound(integration: IntegrationRow, now = new Date()): string[] {
    return this.active(integration, integration.inboundSecret, integration.previousInboundSecret, now);
  }

  private active(integration: IntegrationRow, current: string, previous: string | null, now: Date): string[] {
    const secrets = [this.decrypt(current, integration.id)];
    if (previous && integration.previousExpiresAt && integration.previousExpiresAt > now)
      secrets.push(this.decrypt(previous, integration.id));
    return secrets;
  }

  private encrypt(secret: string, integrationId: string): string {
    return encryptSecret(secret, this.key, integrationId);
  }

  private decrypt(blob: string, integrationId: string): string {
    return decryptSecret(blob, this.key, integrationId);
  }
}
