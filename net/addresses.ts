/**
 * Which IP addresses a server-side request may reach: public unicast only. Everything a request
 * could use to reach the server's own network is refused — loopback, private, link-local (cloud
 * metadata at 169.254.169.254), unique-local, carrier-grade NAT, multicast, broadcast, unspecified,
 * reserved and documentation ranges — and an IPv6 address that embeds an IPv4 one (mapped,
 * compatible, NAT64, 6to4) is judged by the IPv4 address inside it.
 */
import ipaddr from 'ipaddr.js';

/** Why an address is refused (ipaddr.js's range name, e.g. "loopback"), or null when it is public. */
export function internalRange(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return 'unparseable';
  }
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    const range = v6.range();
    if (range === 'loopback' || range === 'unspecified') return range;
    const v4 = embeddedIPv4(v6);
    if (v4) return internalRange(v4.toString());
    if (range !== 'unicast') return range;
    // Only 2000::/3 is allocated as global unicast; everything else under ::/0 is reserved.
    return v6.match(GLOBAL_UNICAST) ? null : 'reserved';
  }
  const range = (ip as ipaddr.IPv4).range();
  return range === 'unicast' ? null : range;
}

const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');
const EMBEDDING: [ipaddr.IPv6, number, (p: number[]) => number[]][] = [
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (SIIT), 64:ff9b::a.b.c.d (NAT64)
  [ipaddr.IPv6.parse('::ffff:0:0'), 96, (p) => p.slice(12)],
  [ipaddr.IPv6.parse('::'), 96, (p) => p.slice(12)],
  [ipaddr.IPv6.parse('::ffff:0:0:0'), 96, (p) => p.slice(12)],
  [ipaddr.IPv6.parse('64:ff9b::'), 96, (p) => p.slice(12)],
  // 2002:aabb:ccdd::/48 (6to4) routes to a.b.c.d
  [ipaddr.IPv6.parse('2002::'), 16, (p) => p.slice(2, 6)],
];

function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  for (const [prefix, bits, take] of EMBEDDING) {
    if (ip.match(prefix, bits)) return ipaddr.fromByteArray(take(ip.toByteArray())) as ipaddr.IPv4;
  }
  return null;
}

/**
 * The host of a parsed URL without IPv6 brackets, and whether it is an IP literal. WHATWG URL has
 * already turned every IPv4 spelling (127.1, 2130706433, 0x7f000001, 0177.0.0.1) into dotted decimal.
 */
export function hostOf(url: URL): { host: string; literal: boolean } {
  const bracketed = url.hostname.startsWith('[');
  const host = bracketed ? url.hostname.slice(1, -1) : url.hostname;
  return { host, literal: bracketed || ipaddr.IPv4.isValidFourPartDecimal(host) };
}
