// Refuses callback URLs that would make the server call into its own network (SSRF): checked
// when an integration is saved and again at delivery, on every address DNS returns.
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { compileAllowHosts, isAddressAllowed, isHostnameAllowed, normalizeHostname } from './allow-hosts.js';

export type UnsafeCallbackUrlCode =
  'invalid_url' | 'unsupported_scheme' | 'credentials_in_url' | 'blocked_hostname' | 'blocked_address' | 'unresolvable';

export class UnsafeCallbackUrlError extends Error {
  override readonly name = 'UnsafeCallbackUrlError';

  constructor(
    readonly code: UnsafeCallbackUrlCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type HostLookup = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

export interface SsrfGuardOptions {
  /** Entries from parseAllowHosts: hostnames, IPs or CIDRs that are let through. */
  allowHosts?: readonly string[];
  /** DNS resolver; tests inject one, production uses the system resolver (getaddrinfo). */
  lookup?: HostLookup;
}

// 2000::/3 is all of global unicast; anything outside it (including ::/96 IPv4-compatible) is refused.
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/** The name of the refused range an address falls in, or null when it is public unicast. */
export function refusedAddressRange(address: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  const range = address.range();
  if (address.kind() === 'ipv4') return range === 'unicast' ? null : range;
  if (range !== 'unicast') return range; // loopback, linkLocal, uniqueLocal, ipv4Mapped, 6to4, teredo, NAT64…
  return address.match(IPV6_GLOBAL_UNICAST) ? null : 'notGlobalUnicast';
}

/** Creation-time check: scheme, credentials, literal IPs and localhost names. Returns the parsed URL. */
export function assertSafeCallbackUrl(url: string, options: SsrfGuardOptions = {}): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new UnsafeCallbackUrlError('invalid_url', 'callback URL is not a valid absolute URL', { cause });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UnsafeCallbackUrlError(
      'unsupported_scheme',
      `callback URL must be http or https, not ${parsed.protocol}`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new UnsafeCallbackUrlError('credentials_in_url', 'callback URL must not contain a user name or password');
  }
  const allow = compileAllowHosts(options.allowHosts ?? []);
  const hostname = normalizeHostname(parsed.hostname);
  if (isHostnameAllowed(hostname, allow)) return parsed;
  if (ipaddr.isValid(hostname)) {
    assertAddressAllowed(hostname, options);
  } else if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    throw new UnsafeCallbackUrlError('blocked_hostname', `callback host ${hostname} is the local machine`);
  }
  return parsed;
}

/**
 * Delivery-time check: resolves the host and refuses it if ANY address is internal. The caller must
 * connect to the returned addresses (see pinnedLookup) so a second DNS answer cannot differ.
 */
export async function resolveAndCheck(hostname: string, options: SsrfGuardOptions = {}): Promise<ResolvedAddress[]> {
  const host = normalizeHostname(hostname);
  if (ipaddr.isValid(host)) return [assertAddressAllowed(host, options)];
  const allow = compileAllowHosts(options.allowHosts ?? []);
  let answers: ReadonlyArray<{ address: string; family: number }>;
  try {
    answers = await (options.lookup ?? systemLookup)(host);
  } catch (cause) {
    throw new UnsafeCallbackUrlError('unresolvable', `could not resolve ${host}`, { cause });
  }
  if (answers.length === 0) throw new UnsafeCallbackUrlError('unresolvable', `${host} has no addresses`);
  if (isHostnameAllowed(host, allow)) return answers.map(({ address }) => toResolved(address));
  return answers.map(({ address }) => assertAddressAllowed(address, options, host));
}

function assertAddressAllowed(address: string, options: SsrfGuardOptions, hostname?: string): ResolvedAddress {
  const parsed = ipaddr.parse(address);
  const refusedRange = refusedAddressRange(parsed);
  if (refusedRange !== null && !isAddressAllowed(parsed, compileAllowHosts(options.allowHosts ?? []))) {
    const via = hostname ? `${hostname} resolves to ` : '';
    throw new UnsafeCallbackUrlError('blocked_address', `${via}${address}, a ${refusedRange} address, is not allowed`);
  }
  return toResolved(address);
}

function toResolved(address: string): ResolvedAddress {
  return { address, family: ipaddr.parse(address).kind() === 'ipv4' ? 4 : 6 };
}

async function systemLookup(hostname: string): Promise<ReadonlyArray<{ address: string; family: number }>> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}
