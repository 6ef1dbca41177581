// Public surface of libs/webhooks: secrets, Standard Webhooks signing, SSRF guard and delivery.
export { generateWebhookSecret, webhookSecretKeyBytes, WEBHOOK_SECRET_PREFIX } from './webhook-secret.js';
export {
  decryptSecret,
  deriveKey,
  deriveSecretEncryptionKey,
  encryptSecret,
  INTEGRATION_SECRETS_KEY_PURPOSE,
} from './secret-encryption.js';
export {
  signWebhook,
  verifyWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
  type IncomingHeaders,
  type SignWebhookInput,
  type VerifiedWebhook,
  type VerifyWebhookOptions,
  type WebhookHeaders,
} from './webhook-signature.js';
export { decodeStrictBase64 } from './strict-base64.js';
export { WebhookVerificationError, type WebhookVerificationReason } from './webhook-verification.error.js';
export { parseAllowHosts } from './allow-hosts.js';
export {
  assertSafeCallbackUrl,
  refusedAddressRange,
  resolveAndCheck,
  UnsafeCallbackUrlError,
  type HostLookup,
  type ResolvedAddress,
  type SsrfGuardOptions,
  type UnsafeCallbackUrlCode,
} from './ssrf-guard.js';
export { pinnedLookup } from './pinned-lookup.js';
export {
  deliverWebhook,
  type DeliverWebhookInput,
  type DeliveryErrorCode,
  type DeliveryOutcome,
} from './webhook-delivery.js';
export { MAX_DELIVERY_ATTEMPTS, nextAttemptDelayMs } from './delivery-backoff.js';
export { parseHeadersFile, parseSavedRequestJson, type SavedRequest } from './saved-request.js';
