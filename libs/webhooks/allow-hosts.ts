// The SSRF allowlist (STEPGRADE_WEBHOOK_ALLOW_HOSTS): hostnames, IPs or CIDRs that outbound
// webhooks may reach even though they are loopback or private (development and tests).
import ipaddr from 'ipaddr.js';

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

export interface CompiledAllowHosts {
  hostnames: ReadonlySet<string>;
  ranges: ReadonlyArray<[IpAddress, number]>;
}

/** Splits the env value on commas/whitespace; throws on an entry that is neither host nor IP/CIDR. */
export function parseAllowHosts(value: string | undefined): string[] {
  const entries = (value ?? '').split(/[\s,]+/).filter((entry) => entry.length > 0);
  compileAllowHosts(entries);
  return entries;
}

export function compileAllowHosts(entries: readonly string[]): CompiledAllowHosts {
  const hostnames = new Set<string>();
  const ranges: Array<[IpAddress, number]> = [];
  for (const rawEntry of entries) {
    const entry = stripBrackets(rawEntry.trim());
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new Error(`allowlist entry "${rawEntry}" is not a valid CIDR`);
      const [network, prefix] = ipaddr.parseCIDR(entry);
      ranges.push([normalizeAddress(network), isMapped(network) ? prefix - 96 : prefix]);
    } else if (ipaddr.isValid(entry)) {
      const address = normalizeAddress(ipaddr.parse(entry));
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?$/.test(normalizeHostname(entry))) {
      hostnames.add(normalizeHostname(entry));
    } else {
      throw new Error(`allowlist entry "${rawEntry}" is not a hostname, IP or CIDR`);
    }
  }
  return { hostnames, ranges };
}

export function isHostnameAllowed(hostname: string, allow: CompiledAllowHosts): boolean {
  return allow.hostnames.has(normalizeHostname(hostname));
}

export function isAddressAllowed(address: IpAddress, allow: CompiledAllowHosts): boolean {
  const normalized = normalizeAddress(address);
  return allow.ranges.some(
    ([network, prefix]) => network.kind() === normalized.kind() && normalized.match(network, prefix),
  );
}

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) is treated as the IPv4 address it carries. */
export function normalizeAddress(address: IpAddress): IpAddress {
  return isMapped(address) ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

export function normalizeHostname(hostname: string): string {
  return stripBrackets(hostname).toLowerCase().replace(/\.$/, '');
}

function isMapped(address: IpAddress): boolean {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress();
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
