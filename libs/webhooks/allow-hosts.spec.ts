// Protects parsing of STEPGRADE_WEBHOOK_ALLOW_HOSTS: hostnames, IPs and CIDRs are accepted, anything else is a start-up error.
import { describe, expect, it } from '@jest/globals';
import ipaddr from 'ipaddr.js';
import { compileAllowHosts, isAddressAllowed, isHostnameAllowed, parseAllowHosts } from './allow-hosts.js';

describe('parseAllowHosts', () => {
  it('splits on commas and whitespace and drops empty entries', () => {
    expect(parseAllowHosts(' 127.0.0.1, localhost ,,10.0.0.0/8 [::1]')).toEqual([
      '127.0.0.1',
      'localhost',
      '10.0.0.0/8',
      '[::1]',
    ]);
    expect(parseAllowHosts(undefined)).toEqual([]);
    expect(parseAllowHosts('')).toEqual([]);
  });

  it.each(['10.0.0.0/33', 'http://x', 'a b/c', 'bad host!'])('refuses %j', (value) => {
    expect(() => parseAllowHosts(value)).toThrow(/allowlist entry/);
  });
});

describe('compiled allowlist', () => {
  const allow = compileAllowHosts(['Receiver.Test.', '127.0.0.1', '10.0.0.0/8', '[::1]', 'fd00::/8']);

  it('matches hostnames case-insensitively, ignoring a trailing dot', () => {
    expect(isHostnameAllowed('receiver.test', allow)).toBe(true);
    expect(isHostnameAllowed('other.test', allow)).toBe(false);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.0.0.2', false],
    ['10.200.3.4', true],
    ['11.0.0.1', false],
    ['::1', true],
    ['fd12::5', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:127.0.0.2', false],
  ])('%s allowed: %s', (address, expected) => {
    expect(isAddressAllowed(ipaddr.parse(address), allow)).toBe(expected);
  });
});
