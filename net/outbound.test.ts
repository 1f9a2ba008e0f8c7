/**
 * The guarded fetcher against real servers on loopback. A made-up name, shop.test, stands for a
 * public site: the test's resolver answers it with 127.0.0.1 and the guard is told to trust it.
 */
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockedAddressError, createOutbound, type Outbound } from './outbound';

const PUBLIC = '93.184.216.34';

describe('the guarded fetcher', () => {
  let internal: Server;
  let shop: Server;
  let port: number;
  let shopPort: number;
  const hits: string[] = [];
  let rebindCalls = 0;
  let pinCalls = 0;
  let guard: Outbound;

  const names: Record<string, () => string[]> = {
    'shop.test': () => ['127.0.0.1'],
    'evil.test': () => ['127.0.0.1'],
    'meta.test': () => ['169.254.169.254'],
    'mixed.test': () => [PUBLIC, '10.0.0.7'],
    'six.test': () => ['::ffff:127.0.0.1'],
    // DNS rebinding: public when checked, loopback when asked again.
    'rebind.test': () => (rebindCalls++ % 2 === 0 ? [PUBLIC] : ['127.0.0.1']),
    // The opposite: the trusted address first, a private one on any later question.
    'pin.test': () => (pinCalls++ === 0 ? ['127.0.0.1'] : ['10.0.0.9']),
  };
  const resolve = async (host: string): Promise<LookupAddress[]> =>
    names[host]
      ? names[host]().map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
      : lookup(host, { all: true });

  beforeAll(async () => {
    internal = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('internal secret');
    });
    await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
    port = (internal.address() as AddressInfo).port;
    shop = createServer((req, res) => {
      const to = (location: string, status = 302) => res.writeHead(status, { location }).end();
      const path = req.url ?? '/';
      if (path === '/to-loopback') return to(`http://127.0.0.1:${port}/secret`);
      if (path === '/to-metadata') return to('http://169.254.169.254/latest/meta-data/', 301);
      if (path === '/to-localhost') return to(`http://localhost:${port}/secret`, 307);
      if (path === '/to-name') return to(`http://evil.test:${port}/secret`, 308);
      if (path === '/to-mapped') return to(`http://[::ffff:7f00:1]:${port}/secret`, 303);
      if (path === '/to-file') return to('file:///etc/passwd');
      if (path === '/to-page') return to('/page');
      const hop = /^\/hop\/(\d+)$/.exec(path);
      if (hop) return to(Number(hop[1]) > 0 ? `/hop/${Number(hop[1]) - 1}` : '/page');
      res.end(`shop page ${path}`);
    });
    await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
    shopPort = (shop.address() as AddressInfo).port;
    guard = createOutbound({
      resolve,
      trusted: (address, host) => host === 'shop.test' || (host === 'pin.test' && address === '127.0.0.1'),
    });
  });
  afterAll(async () => {
    await guard.close();
    internal.closeAllConnections();
    shop.closeAllConnections();
    internal.close();
    shop.close();
  });

  const refused = async (url: string, g = guard) => {
    const err = await g.fetch(url).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, url).toBeInstanceOf(BlockedAddressError);
    return err as BlockedAddressError;
  };

  it('fetches a public page, following its redirects', async () => {
    const res = await guard.fetch(`http://shop.test:${shopPort}/to-page`);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`http://shop.test:${shopPort}/page`);
    expect(await res.text()).toBe('shop page /page');
  });

  it('refuses every spelling of an internal host, never connecting', async () => {
    for (const host of [
      '127.0.0.1',
      'localhost',
      '127.1',
      '2130706433',
      '0x7f000001',
      '0177.0.0.1',
      '0.0.0.0',
      '[::ffff:127.0.0.1]',
      '[::1]',
      '[::]',
      'evil.test',
      'six.test',
      'mixed.test',
    ])
      await refused(`http://${host}:${port}/secret`);
    // HTTPS connects through the same lookup (evil.test exists only in the test's resolver).
    await refused(`https://evil.test:${port}/secret`);
    await refused(`https://[::ffff:7f00:1]:${port}/secret`);
    const meta = await refused('http://169.254.169.254/latest/meta-data/');
    expect(meta.range).toBe('linkLocal');
    expect((await refused('http://meta.test/latest/meta-data/')).message).not.toContain('169.254');
    expect(hits).toEqual([]);
  });

  it('checks every redirect hop: to loopback, metadata, localhost, a name, a mapped address', async () => {
    for (const path of ['/to-loopback', '/to-metadata', '/to-localhost', '/to-name', '/to-mapped'])
      await refused(`http://shop.test:${shopPort}${path}`);
    expect(hits).toEqual([]);
    await expect(guard.fetch(`http://shop.test:${shopPort}/to-file`)).rejects.toThrow(/only http and https/);
  });

  it('bounds redirects, and leaves them to the caller when asked', async () => {
    // /hop/n redirects n + 1 times.
    expect((await guard.fetch(`http://shop.test:${shopPort}/hop/4`)).status).toBe(200);
    await expect(guard.fetch(`http://shop.test:${shopPort}/hop/5`)).rejects.toThrow(/more than 5 redirects/);
    const manual = await guard.fetch(`http://shop.test:${shopPort}/to-loopback`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(hits).toEqual([]);
  });

  it('connects only to the address it checked (DNS rebinding)', async () => {
    rebindCalls = 0;
    const url = `http://rebind.test:${port}/secret`;
    // Checked when saved: the name answers with a public address…
    expect(await guard.refusal(url)).toBeNull();
    // …and with loopback when fetched: the connection's own lookup refuses it.
    await refused(url);
    expect(rebindCalls).toBe(2);
    expect(hits).toEqual([]);
  });

  it('connects to the very address its lookup checked, asking the resolver once', async () => {
    const res = await guard.fetch(`http://pin.test:${shopPort}/page`);
    expect(await res.text()).toBe('shop page /page');
    expect(pinCalls).toBe(1);
  });

  it('says why a URL is refused before anything is fetched', async () => {
    expect(await guard.refusal(`http://127.1:${port}/`)).toMatch(/^127\.0\.0\.1 is an internal \(loopback\) address/);
    expect(await guard.refusal('http://[::ffff:169.254.169.254]/')).toMatch(/linkLocal/);
    expect(await guard.refusal('http://evil.test/')).toMatch(/^evil\.test resolves to an internal \(loopback\)/);
    expect(await guard.refusal(`http://shop.test:${shopPort}/`)).toBeNull();
    // A name that does not resolve is not refused here (fetching it fails on its own).
    expect(await guard.refusal('http://no-such-host.invalid/')).toBeNull();
    expect(hits).toEqual([]);
  });

  it('lets internal addresses through when allowed (an intranet install)', async () => {
    const intranet = createOutbound({ allowPrivate: true, resolve });
    try {
      expect(await intranet.refusal(`http://localhost:${port}/`)).toBeNull();
      const direct = await intranet.fetch(`http://127.0.0.1:${port}/secret`);
      expect(await direct.text()).toBe('internal secret');
      const redirected = await intranet.fetch(`http://shop.test:${shopPort}/to-localhost`);
      expect(await redirected.text()).toBe('internal secret');
      expect(hits).toEqual(['/secret', '/secret']);
    } finally {
      await intranet.close();
      hits.length = 0;
    }
  });
});
