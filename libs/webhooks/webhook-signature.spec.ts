// Protects Standard Webhooks signing/verification: tampering, wrong secrets, stale timestamps and rotation, cross-checked with the standardwebhooks package.
import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret } from './webhook-secret.js';
import { signWebhook, verifyWebhook } from './webhook-signature.js';
import { WebhookVerificationError, type WebhookVerificationReason } from './webhook-verification.error.js';

const secret = generateWebhookSecret();
const otherSecret = generateWebhookSecret();
const now = Math.floor(Date.now() / 1000);
const body = JSON.stringify({ type: 'submission.graded', data: { id: 'sub_1', score: 7.5, note: 'ünïcødé' } });
const webhookId = 'msg_2b9c0f';

function reasonOf(run: () => unknown): WebhookVerificationReason | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

describe('signWebhook / verifyWebhook', () => {
  const headers = signWebhook({ webhookId, timestamp: now, body, secrets: [secret] });

  it('accepts its own signature and says which secret matched', () => {
    expect(verifyWebhook(body, headers, { secrets: [otherSecret, secret], now })).toEqual({
      webhookId,
      timestamp: now,
      secretIndex: 1,
    });
    expect(verifyWebhook(Buffer.from(body), headers, { secrets: [secret], now }).secretIndex).toBe(0);
  });

  it('reads headers case-insensitively', () => {
    const shouted = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
    expect(reasonOf(() => verifyWebhook(body, shouted, { secrets: [secret], now }))).toBe('no error');
  });

  it.each([
    [
      'a tampered body',
      () => verifyWebhook(body.replace('7.5', '10'), headers, { secrets: [secret], now }),
      'bad_signature',
    ],
    ['the wrong secret', () => verifyWebhook(body, headers, { secrets: [otherSecret], now }), 'bad_signature'],
    [
      'another webhook-id',
      () => verifyWebhook(body, { ...headers, 'webhook-id': 'msg_other' }, { secrets: [secret], now }),
      'bad_signature',
    ],
    [
      'a timestamp 301 s old',
      () => verifyWebhook(body, headers, { secrets: [secret], now: now + 301 }),
      'stale_timestamp',
    ],
    [
      'a timestamp 301 s ahead',
      () => verifyWebhook(body, headers, { secrets: [secret], now: now - 301 }),
      'stale_timestamp',
    ],
    [
      'a missing signature',
      () => verifyWebhook(body, { ...headers, 'webhook-signature': '' }, { secrets: [secret], now }),
      'missing_headers',
    ],
    [
      'a non-numeric timestamp',
      () => verifyWebhook(body, { ...headers, 'webhook-timestamp': '12a' }, { secrets: [secret], now }),
      'invalid_timestamp',
    ],
    [
      'a v2 signature only',
      () =>
        verifyWebhook(
          body,
          { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,') },
          { secrets: [secret], now },
        ),
      'bad_signature',
    ],
  ] as const)('refuses %s', (_case, run, reason) => {
    expect(reasonOf(run)).toBe(reason);
  });

  it('accepts a timestamp at the edge of the ±5 min tolerance, and a stale one when told to ignore time', () => {
    expect(reasonOf(() => verifyWebhook(body, headers, { secrets: [secret], now: now + 300 }))).toBe('no error');
    expect(
      reasonOf(() => verifyWebhook(body, headers, { secrets: [secret], now: now + 86_400, ignoreTimestamp: true })),
    ).toBe('no error');
  });

  it('accepts several space-separated signatures when one of them is valid', () => {
    const forged = `v1,${Buffer.alloc(32, 7).toString('base64')}`;
    const mixed = { ...headers, 'webhook-signature': `${forged} v1,short ${headers['webhook-signature']}` };
    expect(reasonOf(() => verifyWebhook(body, mixed, { secrets: [secret], now }))).toBe('no error');
    expect(
      reasonOf(() =>
        verifyWebhook(body, { ...headers, 'webhook-signature': `${forged} v1,short` }, { secrets: [secret], now }),
      ),
    ).toBe('bad_signature');
  });

  it('refuses other spellings of a valid signature (junk characters, extra padding, stray bits)', () => {
    const signature = headers['webhook-signature'].slice('v1,'.length);
    // 32 bytes leave two unused bits in the last character: setting one decodes to the same bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = signature.at(-2)!;
    const lastBitsFlipped = `${signature.slice(0, -2)}${alphabet[alphabet.indexOf(last) ^ 1]}=`;
    expect(Buffer.from(lastBitsFlipped, 'base64')).toEqual(Buffer.from(signature, 'base64'));
    for (const spelling of [
      `!!!!${signature}`,
      `${signature}!!`,
      `${signature}=`,
      `${signature.slice(0, 10)}\t${signature.slice(10)}`,
      lastBitsFlipped,
      `${signature},extra`,
    ]) {
      const malleated = { ...headers, 'webhook-signature': `v1,${spelling}` };
      expect(reasonOf(() => verifyWebhook(body, malleated, { secrets: [secret], now }))).toBe('bad_signature');
    }
  });

  it('signs with every active secret during rotation, so receivers holding either one accept it', () => {
    const rotated = signWebhook({ webhookId, timestamp: now, body, secrets: [secret, otherSecret] });
    expect(rotated['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook(body, rotated, { secrets: [secret], now }).secretIndex).toBe(0);
    expect(verifyWebhook(body, rotated, { secrets: [otherSecret], now }).secretIndex).toBe(0);
  });
});

describe('interoperability with the standardwebhooks package', () => {
  it('the package verifies our signatures', () => {
    const headers = signWebhook({ webhookId, timestamp: now, body, secrets: [otherSecret, secret] });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('we verify the package signatures', () => {
    const signature = new Webhook(secret).sign(webhookId, new Date(now * 1000), body);
    const headers = { 'webhook-id': webhookId, 'webhook-timestamp': String(now), 'webhook-signature': signature };
    expect(verifyWebhook(body, headers, { secrets: [secret], now }).secretIndex).toBe(0);
    expect(signWebhook({ webhookId, timestamp: now, body, secrets: [secret] })['webhook-signature']).toBe(signature);
  });

  it('the package refuses what we refuse: a tampered body', () => {
    const headers = signWebhook({ webhookId, timestamp: now, body, secrets: [secret] });
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow(/No matching signature/);
  });
});
