// Standard Webhooks signing and verification (API.md, Integrations): HMAC-SHA256 keyed with the
// decoded secret bytes over `<id>.<timestamp>.<raw body>`, sent as `v1,<base64>`.
// Written on node:crypto rather than the `standardwebhooks` package because we need the raw body
// as bytes (the package decodes Buffers to strings, which mangles invalid UTF-8), several
// candidate secrets, reason codes and an injectable clock; the tests cross-check both ways
// against the package.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeStrictBase64 } from './strict-base64.js';
import { webhookSecretKeyBytes } from './webhook-secret.js';
import { WebhookVerificationError } from './webhook-verification.error.js';

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;
const SIGNATURE_VERSION = 'v1';

// A type alias, not an interface, so it is assignable to IncomingHeaders (index signature).
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export type IncomingHeaders = Record<string, string | string[] | undefined>;

export interface SignWebhookInput {
  webhookId: string;
  /** Unix seconds. */
  timestamp: number;
  body: string | Buffer;
  /** Every active secret (two during rotation); each one adds a signature. */
  secrets: readonly string[];
}

export function signWebhook({ webhookId, timestamp, body, secrets }: SignWebhookInput): WebhookHeaders {
  if (secrets.length === 0) throw new Error('at least one signing secret is required');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new Error('timestamp must be Unix seconds');
  const signatures = secrets.map(
    (secret) =>
      `${SIGNATURE_VERSION},${computeSignature(secret, webhookId, String(timestamp), body).toString('base64')}`,
  );
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
  };
}

export interface VerifyWebhookOptions {
  /** Candidate secrets; any one matching is enough (rotation overlap). */
  secrets: readonly string[];
  /** Unix seconds; defaults to the clock. */
  now?: number;
  toleranceSeconds?: number;
  /** For re-checking saved requests long after they were sent. */
  ignoreTimestamp?: boolean;
}

export interface VerifiedWebhook {
  webhookId: string;
  timestamp: number;
  /** Index into `secrets` of the secret that matched. */
  secretIndex: number;
}

/** Throws WebhookVerificationError; returns which secret matched. */
export function verifyWebhook(
  body: string | Buffer,
  headers: IncomingHeaders,
  options: VerifyWebhookOptions,
): VerifiedWebhook {
  const webhookId = readHeader(headers, 'webhook-id');
  const timestampText = readHeader(headers, 'webhook-timestamp');
  const signatureHeader = readHeader(headers, 'webhook-signature');
  if (!webhookId || !timestampText || !signatureHeader) {
    throw new WebhookVerificationError(
      'missing_headers',
      'webhook-id, webhook-timestamp and webhook-signature are required',
    );
  }
  if (!/^\d{1,15}$/.test(timestampText)) {
    throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp must be Unix seconds');
  }
  const timestamp = Number(timestampText);
  if (!options.ignoreTimestamp) {
    const now = options.now ?? Math.floor(Date.now() / 1000);
    const tolerance = options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
    if (Math.abs(now - timestamp) > tolerance) {
      throw new WebhookVerificationError(
        'stale_timestamp',
        `webhook-timestamp is ${now - timestamp}s from now (tolerance ±${tolerance}s)`,
      );
    }
  }
  const passedSignatures = parseSignatures(signatureHeader);
  for (const [secretIndex, secret] of options.secrets.entries()) {
    // The signed content uses the header text exactly as sent.
    const expected = computeSignature(secret, webhookId, timestampText, body);
    // Lengths are public (always 32 bytes), so only equal-length candidates are compared.
    if (passedSignatures.some((passed) => passed.length === expected.length && timingSafeEqual(passed, expected))) {
      return { webhookId, timestamp, secretIndex };
    }
  }
  throw new WebhookVerificationError('bad_signature', 'no v1 signature matches any active secret');
}

function computeSignature(secret: string, webhookId: string, timestamp: string, body: string | Buffer): Buffer {
  return createHmac('sha256', webhookSecretKeyBytes(secret))
    .update(`${webhookId}.${timestamp}.`, 'utf8')
    .update(body)
    .digest();
}

/** Only `v1,<canonical base64>` entries count: a lenient decoder would accept many spellings of one signature. */
function parseSignatures(header: string): Buffer[] {
  return header
    .split(' ')
    .map((entry) => entry.split(','))
    .filter(([version, value, extra]) => version === SIGNATURE_VERSION && value && extra === undefined)
    .map(([, value]) => decodeStrictBase64(value!, 'base64'))
    .filter((signature): signature is Buffer => signature !== null);
}

function readHeader(headers: IncomingHeaders, name: string): string | undefined {
  const match = Object.keys(headers).find((key) => key.toLowerCase() === name);
  const value = match === undefined ? undefined : headers[match];
  return Array.isArray(value) ? value.join(' ') : value;
}
