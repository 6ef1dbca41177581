// Protects credential decoding: one spelling per value (no junk characters, extra padding or stray bits).
import { describe, expect, it } from '@jest/globals';
import { decodeStrictBase64 } from './strict-base64.js';

const bytes = Buffer.from('0123456789abcdef0123456789abcdef');
const base64 = bytes.toString('base64');
const base64url = bytes.toString('base64url');

describe('decodeStrictBase64', () => {
  it('decodes the canonical encoding', () => {
    expect(decodeStrictBase64(base64, 'base64')).toEqual(bytes);
    expect(decodeStrictBase64(base64url, 'base64url')).toEqual(bytes);
    expect(decodeStrictBase64('YQ==', 'base64')).toEqual(Buffer.from('a'));
    expect(decodeStrictBase64('YQ', 'base64url')).toEqual(Buffer.from('a'));
  });

  it.each([
    ['junk before', `!!!!${base64}`],
    ['junk after', `${base64}!!`],
    ['extra padding', `${base64}=`],
    ['padding twice', `${base64}==`],
    ['whitespace', `${base64.slice(0, 8)} ${base64.slice(8)}`],
    ['missing padding', 'YQ'],
    ['stray low bits', 'YR=='],
    ['url alphabet', base64.replace(/\+/g, '-').replace(/\//g, '_') + '-'],
    ['empty', ''],
  ])('base64 refuses %s', (_label, text) => {
    expect(decodeStrictBase64(text, 'base64')).toBeNull();
  });

  it.each([
    ['padding', `${base64url}=`],
    ['junk after', `${base64url}!!`],
    ['standard alphabet', `${base64url}+/`],
    ['stray low bits', 'YR'],
    ['a lone character', 'Y'],
    ['empty', ''],
  ])('base64url refuses %s', (_label, text) => {
    expect(decodeStrictBase64(text, 'base64url')).toBeNull();
  });
});
