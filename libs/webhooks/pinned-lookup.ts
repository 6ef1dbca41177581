// A `lookup` for node:net that answers only with addresses the SSRF guard already checked, so the
// socket connects to exactly those (no second DNS query an attacker could answer differently).
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './ssrf-guard.js';

export function pinnedLookup(checkedAddresses: readonly ResolvedAddress[]): LookupFunction {
  if (checkedAddresses.length === 0) throw new Error('pinnedLookup needs at least one checked address');
  return (_hostname, options, callback) => {
    const family = typeof options === 'object' ? options.family : options;
    const wanted = checkedAddresses.filter((entry) => !family || entry.family === family);
    const candidates = wanted.length > 0 ? wanted : checkedAddresses;
    // Node asks for every address when it races IPv4/IPv6 (autoSelectFamily), one otherwise.
    if (typeof options === 'object' && options.all) {
      (callback as unknown as (err: null, addresses: ResolvedAddress[]) => void)(null, [...candidates]);
    } else {
      callback(null, candidates[0].address, candidates[0].family);
    }
  };
}
