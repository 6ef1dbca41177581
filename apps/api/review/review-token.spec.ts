// Protects review-link tokens: only an untampered, unexpired token for the very resource it names
// is accepted, and the CSRF value is bound to one review token.
import { describe, expect, it } from '@jest/globals';
import { type ReviewClaims, ReviewTokenSigner } from './review-token.js';

const signer = new ReviewTokenSigner('server-secret-for-tests-0123456789abcdef');
const now = Date.parse('2025-01-01T00:00:00Z');
const claims: ReviewClaims = { kind: 'submission', id: 'sub1', canOverride: true, exp: now / 1000 + 60, by: 'key1' };

describe('ReviewTokenSigner', () => {
  it('accepts its own token for the named resource and returns the claims', () => {
    expect(signer.verify(signer.sign(claims), { kind: 'submission', id: 'sub1' }, now)).toEqual(claims);
  });

  it('rejects a token for another id or another kind', () => {
    const token = signer.sign(claims);
    expect(signer.verify(token, { kind: 'submission', id: 'sub2' }, now)).toBeNull();
    expect(signer.verify(token, { kind: 'assignment', id: 'sub1' }, now)).toBeNull();
  });

  it('rejects an expired token', () => {
    const token = signer.sign(claims);
    expect(signer.verify(token, { kind: 'submission', id: 'sub1' }, now + 61_000)).toBeNull();
  });

  it('rejects a tampered payload, a tampered signature and a token from another secret', () => {
    const token = signer.sign({ ...claims, canOverride: false });
    const [payload, signature] = token.split('.') as [string, string];
    const upgraded = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), o: 1 }),
    ).toString('base64url');
    expect(signer.verify(`${upgraded}.${signature}`, { kind: 'submission', id: 'sub1' }, now)).toBeNull();
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    expect(signer.verify(`${payload}.${flipped}`, { kind: 'submission', id: 'sub1' }, now)).toBeNull();
    const other = new ReviewTokenSigner('another-server-secret-0123456789abcdefgh');
    expect(signer.verify(other.sign(claims), { kind: 'submission', id: 'sub1' }, now)).toBeNull();
  });

  it('refuses other spellings of an authentic token and CSRF value (padding, junk, stray bits)', () => {
    const token = signer.sign(claims);
    const [payload, signature] = token.split('.') as [string, string];
    // A 32-byte MAC leaves two unused bits in its last base64url character.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const strayBits = signature.slice(0, -1) + alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1];
    expect(Buffer.from(strayBits, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    for (const spelling of [
      `${token}=`,
      `${token}==`,
      `${token}!!`,
      `${payload}.!!${signature}`,
      `${payload}.${strayBits}`,
    ])
      expect(signer.verify(spelling, { kind: 'submission', id: 'sub1' }, now)).toBeNull();
    const csrf = signer.csrfFor(token);
    for (const spelling of [`${csrf}=`, `${csrf}!!`, `!!${csrf}`])
      expect(signer.checkCsrf(token, spelling)).toBe(false);
  });

  it('rejects junk', () => {
    for (const junk of [undefined, '', '.', 'a.b.c', 'x'.repeat(5_000), 42]) {
      expect(signer.verify(junk, { kind: 'submission', id: 'sub1' }, now)).toBeNull();
    }
  });

  it('binds the CSRF value to one review token', () => {
    const token = signer.sign(claims);
    const otherToken = signer.sign({ ...claims, id: 'sub2' });
    expect(signer.checkCsrf(token, signer.csrfFor(token))).toBe(true);
    expect(signer.checkCsrf(token, signer.csrfFor(otherToken))).toBe(false);
    expect(signer.checkCsrf(token, undefined)).toBe(false);
    expect(signer.csrfFor(token)).not.toBe(token.split('.')[1]);
  });
});
