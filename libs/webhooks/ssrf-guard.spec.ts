// Protects the SSRF guard: internal addresses are refused at creation and after DNS resolution unless allowlisted.
import { describe, expect, it } from '@jest/globals';
import ipaddr from 'ipaddr.js';
import {
  assertSafeCallbackUrl,
  refusedAddressRange,
  resolveAndCheck,
  type HostLookup,
  UnsafeCallbackUrlError,
} from './ssrf-guard.js';

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (error instanceof UnsafeCallbackUrlError) return error.code;
    throw error;
  }
}

async function asyncCodeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'accepted';
  } catch (error) {
    if (error instanceof UnsafeCallbackUrlError) return error.code;
    throw error;
  }
}

const fixedLookup =
  (addresses: string[]): HostLookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('refusedAddressRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4Mapped'],
    ['::ffff:8.8.8.8', 'ipv4Mapped'],
    ['64:ff9b::7f00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
    ['::7f00:1', 'notGlobalUnicast'],
    ['8.8.8.8', null],
    ['172.32.0.1', null],
    ['2606:4700:4700::1111', null],
  ])('%s → %s', (address, range) => {
    expect(refusedAddressRange(ipaddr.parse(address))).toBe(range);
  });
});

describe('assertSafeCallbackUrl (creation time)', () => {
  it.each([
    ['http://127.0.0.1/hook', 'blocked_address'],
    ['http://169.254.169.254/latest/meta-data', 'blocked_address'],
    ['http://[::1]:8080/', 'blocked_address'],
    ['http://10.0.0.5/', 'blocked_address'],
    ['http://[::ffff:169.254.169.254]/', 'blocked_address'],
    ['http://2130706433/', 'blocked_address'], // 127.0.0.1 as one number; the URL parser normalizes it
    ['http://0x7f.1/', 'blocked_address'],
    ['http://localhost:3000/', 'blocked_hostname'],
    ['http://api.localhost/', 'blocked_hostname'],
    ['ftp://lms.example.com/', 'unsupported_scheme'],
    ['file:///etc/passwd', 'unsupported_scheme'],
    ['https://user:pass@lms.example.com/', 'credentials_in_url'],
    ['not a url', 'invalid_url'],
    ['https://lms.example.com/stepgrade/hook', 'accepted'],
    ['http://8.8.8.8:8080/hook', 'accepted'],
  ])('%s → %s', (url, code) => {
    expect(codeOf(() => assertSafeCallbackUrl(url))).toBe(code);
  });

  it('lets allowlisted hosts, IPs and CIDRs through', () => {
    const allowHosts = ['127.0.0.1', 'localhost', '169.254.0.0/16', '::1', '10.0.0.5'];
    for (const url of [
      'http://127.0.0.1:9/',
      'http://localhost/',
      'http://169.254.169.254/',
      'http://[::1]/',
      'http://10.0.0.5/',
    ]) {
      expect(codeOf(() => assertSafeCallbackUrl(url, { allowHosts }))).toBe('accepted');
    }
    expect(codeOf(() => assertSafeCallbackUrl('http://10.0.0.6/', { allowHosts }))).toBe('blocked_address');
  });
});

describe('resolveAndCheck (delivery time)', () => {
  it('refuses localhost, which resolves to loopback, unless allowlisted by name or address', async () => {
    expect(await asyncCodeOf(() => resolveAndCheck('localhost'))).toBe('blocked_address');
    const byName = await resolveAndCheck('localhost', { allowHosts: ['localhost'] });
    expect(byName.every(({ address }) => ipaddr.parse(address).range() === 'loopback')).toBe(true);
    expect(await asyncCodeOf(() => resolveAndCheck('localhost', { allowHosts: ['127.0.0.0/8', '::1'] }))).toBe(
      'accepted',
    );
  });

  it.each(['127.0.0.1', '169.254.169.254', '[::1]', '::1', '10.0.0.5'])(
    'refuses the literal %s without the allowlist',
    async (host) => {
      expect(await asyncCodeOf(() => resolveAndCheck(host))).toBe('blocked_address');
      expect(await asyncCodeOf(() => resolveAndCheck(host, { allowHosts: [host] }))).toBe('accepted');
    },
  );

  it('refuses a name when ANY resolved address is internal (rebinding-style mixed answers)', async () => {
    const lookup = fixedLookup(['93.184.216.34', '127.0.0.1']);
    expect(await asyncCodeOf(() => resolveAndCheck('mixed.example', { lookup }))).toBe('blocked_address');
  });

  it('returns every checked address of a public name, with its family', async () => {
    const lookup = fixedLookup(['93.184.216.34', '2606:2800:220:1::']);
    expect(await resolveAndCheck('lms.example', { lookup })).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1::', family: 6 },
    ]);
  });

  it('reports names that do not resolve', async () => {
    const failing: HostLookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect(await asyncCodeOf(() => resolveAndCheck('nowhere.invalid', { lookup: failing }))).toBe('unresolvable');
    expect(await asyncCodeOf(() => resolveAndCheck('empty.example', { lookup: fixedLookup([]) }))).toBe('unresolvable');
  });
});
