import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeStrictBase64 } from '../../../libs/webhooks/index.js';

// Review links carry their own credential: a compact token `<payload>.<mac>` (both base64url),
// HMAC-SHA256 under a key derived from the server secret for the purpose 'review-link' only. The
// payload names one resource (kind + id), whether it may override, who made it, and when it expires.

export type ReviewKind = 'submission' | 'assignment';

export interface ReviewClaims {
  kind: ReviewKind;
  id: string;
  canOverride: boolean;
  /** Expiry, Unix seconds. */
  exp: number;
  /** The API key id that made the link (recorded as the override's author). */
  by: string | null;
}

const KIND_CODES: Record<ReviewKind, string> = { submission: 's', assignment: 'a' };
const MAX_TOKEN_LENGTH = 1_024;

function mac(key: Buffer, purpose: string, data: string): Buffer {
  return createHmac('sha256', key).update(`${purpose}\0${data}`).digest();
}

/** `presented` must be the canonical base64url of `expected`: a lenient decode would take `<mac>==` or `<mac>!!`. */
function sameMac(presented: string, expected: Buffer): boolean {
  const bytes = decodeStrictBase64(presented, 'base64url');
  return bytes !== null && bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

export class ReviewTokenSigner {
  private readonly key: Buffer;

  constructor(serverSecret: string) {
    this.key = createHmac('sha256', serverSecret).update('stepgrade review-link key v1').digest();
  }

  sign(claims: ReviewClaims): string {
    const payload = {
      k: KIND_CODES[claims.kind],
      i: claims.id,
      o: claims.canOverride ? 1 : 0,
      e: claims.exp,
      ...(claims.by ? { b: claims.by } : {}),
    };
    const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${encoded}.${mac(this.key, 'review-link', encoded).toString('base64url')}`;
  }

  /** The claims when the token is authentic, unexpired and names exactly this resource; else null. */
  verify(token: unknown, expected: { kind: ReviewKind; id: string }, nowMs = Date.now()): ReviewClaims | null {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
    const [encoded, signature, extra] = token.split('.');
    if (!encoded || !signature || extra !== undefined) return null;
    if (!sameMac(signature, mac(this.key, 'review-link', encoded))) return null;
    const payloadBytes = decodeStrictBase64(encoded, 'base64url');
    if (!payloadBytes) return null;
    let payload: { k?: unknown; i?: unknown; o?: unknown; e?: unknown; b?: unknown };
    try {
      payload = JSON.parse(payloadBytes.toString('utf8'));
    } catch {
      return null; // authentic but unreadable: cannot happen unless the key leaked; treat as invalid
    }
    if (payload.k !== KIND_CODES[expected.kind] || payload.i !== expected.id) return null;
    if (typeof payload.e !== 'number' || payload.e * 1000 <= nowMs) return null;
    return {
      kind: expected.kind,
      id: expected.id,
      canOverride: payload.o === 1,
      exp: payload.e,
      by: typeof payload.b === 'string' ? payload.b : null,
    };
  }

  /**
   * CSRF token for the override form: an HMAC of the review token under a separate purpose. A
   * cross-site page cannot read the review page (same-origin policy), so it cannot learn this
   * value; no server state or cookie is needed, and it dies with the review token.
   */
  csrfFor(reviewToken: string): string {
    return mac(this.key, 'review-csrf', reviewToken).toString('base64url');
  }

  checkCsrf(reviewToken: string, presented: unknown): boolean {
    if (typeof presented !== 'string' || presented.length > 100) return false;
    return sameMac(presented, mac(this.key, 'review-csrf', reviewToken));
  }
}
