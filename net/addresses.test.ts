import { describe, expect, it } from 'vitest';
import { hostOf, internalRange } from './addresses';

/** The range a URL's literal host falls in, as the guard judges it. */
const rangeOfUrl = (url: string) => {
  const { host, literal } = hostOf(new URL(url));
  expect(literal, url).toBe(true);
  return internalRange(host);
};

describe('internalRange', () => {
  it('refuses every IPv4 spelling of loopback and the unspecified address, as WHATWG URL reads them', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://127.1/',
      'http://127.0.1/',
      'http://2130706433/',
      'http://0x7f000001/',
      'http://0x7f.1/',
      'http://0177.0.0.1/',
      'http://017700000001/',
      'http://127.255.255.254/',
      'http://127.0.0.1./',
      'http://127.000.000.001/',
      'http://%31%32%37.0.0.1/',
      'http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/', // full-width digits
    ])
      expect(rangeOfUrl(url), url).toBe('loopback');
    for (const url of ['http://0.0.0.0/', 'http://0/', 'http://0x0/', 'http://0.1.2.3/'])
      expect(rangeOfUrl(url), url).toBe('unspecified');
  });

  it('refuses private, link-local (metadata), CGNAT, multicast, broadcast and reserved IPv4', () => {
    const cases: [string, string][] = [
      ['10.0.0.1', 'private'],
      ['172.16.5.4', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'linkLocal'], // AWS, GCP, Azure metadata
      ['100.100.100.200', 'carrierGradeNat'], // Alibaba metadata
      ['100.64.0.1', 'carrierGradeNat'],
      ['192.0.0.192', 'reserved'], // Oracle metadata
      ['224.0.0.1', 'multicast'],
      ['255.255.255.255', 'broadcast'],
      ['240.0.0.1', 'reserved'],
      ['198.18.0.1', 'reserved'],
      ['192.0.2.10', 'reserved'],
    ];
    for (const [ip, range] of cases) expect(internalRange(ip), ip).toBe(range);
    expect(rangeOfUrl('http://0xa9fea9fe/')).toBe('linkLocal'); // 169.254.169.254 in hex
  });

  it('refuses internal IPv6 and IPv6 that embeds an internal IPv4 address', () => {
    const cases: [string, string][] = [
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fe80::1', 'linkLocal'],
      ['fd00:ec2::254', 'uniqueLocal'], // AWS metadata over IPv6
      ['fc00::1', 'uniqueLocal'],
      ['ff02::1', 'multicast'],
      ['2001:db8::1', 'reserved'],
      ['::ffff:127.0.0.1', 'loopback'], // mapped
      ['::ffff:169.254.169.254', 'linkLocal'],
      ['::127.0.0.1', 'loopback'], // compatible
      ['::ffff:0:10.0.0.1', 'private'], // SIIT
      ['64:ff9b::7f00:1', 'loopback'], // NAT64
      ['64:ff9b::a9fe:a9fe', 'linkLocal'],
      ['2002:7f00:1::', 'loopback'], // 6to4
      ['2002:c0a8:101::1', 'private'],
      ['2001::1', 'teredo'],
      ['64:ff9b:1::a00:1', 'rfc6052'], // local-use NAT64: not the well-known prefix
      ['100::1', 'discard'],
      ['fec0::1', 'deprecatedSiteLocal'],
    ];
    for (const [ip, range] of cases) expect(internalRange(ip), ip).toBe(range);
    expect(rangeOfUrl('http://[::ffff:127.0.0.1]/')).toBe('loopback');
    expect(rangeOfUrl('http://[::ffff:7f00:1]/')).toBe('loopback');
    expect(rangeOfUrl('http://[0:0:0:0:0:ffff:a9fe:a9fe]/')).toBe('linkLocal');
    expect(rangeOfUrl('http://[::1]/')).toBe('loopback');
  });

  it('lets public addresses through, also when embedded in IPv6', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '1.1.1.1', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])
      expect(internalRange(ip), ip).toBeNull();
  });

  it('refuses what is not an address at all', () => {
    expect(internalRange('fe80::1%eth0x')).not.toBeNull();
    expect(internalRange('')).toBe('unparseable');
    expect(internalRange('shop.example')).toBe('unparseable');
  });

  it('tells names from literals', () => {
    expect(hostOf(new URL('http://shop.example/'))).toEqual({ host: 'shop.example', literal: false });
    expect(hostOf(new URL('http://localhost:8080/'))).toEqual({ host: 'localhost', literal: false });
    expect(hostOf(new URL('http://[::1]:8080/'))).toEqual({ host: '::1', literal: true });
    expect(hostOf(new URL('http://127.1/'))).toEqual({ host: '127.0.0.1', literal: true });
  });
});
