/**
 * Server-side request forgery, as the attack session tried it: knowledge pages, site crawls,
 * sitemaps and webhooks pointed at the server's own network, in every spelling, directly and
 * through a redirect or a DNS answer that changes. None of it is fetched; with
 * CHATREF_ALLOW_PRIVATE_URLS=1 (an intranet install) the same loopback page is read.
 *
 * Real servers on loopback: "internal" holds the secret; "shop.test" stands for a public shop (the
 * server under test is given a resolver that answers the made-up names and is told to trust
 * shop.test, though it too is on 127.0.0.1).
 */
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { connectAgent, connectVisitor } from '../clients';
import { startLiveServer, type LiveServer } from '../server';

const SECRET = 'PLUTONIUM-7741';
const PUBLIC = '93.184.216.34';

const page = (title: string, text: string, links: string[] = []) =>
  `<!doctype html><html><head><title>${title}</title></head><body><nav>${links
    .map((l) => `<a href="${l}">${l}</a>`)
    .join(' ')}</nav><main><article><h1>${title}</h1><p>${text}</p></article></main></body></html>`;

interface Source {
  id: string;
  status: string;
  error: string | null;
  chunkCount: number;
}
interface Delivery {
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
}

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
};
const shut = (server: Server) => {
  server.closeAllConnections();
  server.close();
};

/** The internal server: a secret page (and a sitemap of it); every request it gets is recorded. */
async function internalServer(hits: string[]) {
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/robots.txt') return res.writeHead(404).end();
    if (req.url === '/sitemap.xml')
      return res
        .writeHead(200, { 'content-type': 'application/xml' })
        .end(`<urlset><url><loc>http://${req.headers.host}/secret</loc></url></urlset>`);
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        page(
          'Warehouse vault',
          `The warehouse vault code is ${SECRET}. Staff open the vault with this code every morning before the shop opens.`,
        ),
      );
  });
  return { server, port: await listen(server) };
}

describe('SSRF: no server-side request reaches an internal address', () => {
  let server: LiveServer;
  let admin: { cookie: string; csrf: string };
  let internal: Server;
  let shop: Server;
  let port: number;
  let shopPort: number;
  const hits: string[] = [];
  const calls: Record<string, number> = {};

  // A resolver for made-up names; the rebinding names answer public first, loopback after.
  const answers: Record<string, (n: number) => string> = {
    'shop.test': () => '127.0.0.1',
    'evil.test': () => '127.0.0.1',
    'metadata.test': () => '169.254.169.254',
    'rebind-kb.test': (n) => (n === 0 ? PUBLIC : '127.0.0.1'),
    'rebind-hook.test': (n) => (n === 0 ? PUBLIC : '127.0.0.1'),
  };
  const resolve = async (host: string): Promise<LookupAddress[]> => {
    const answer = answers[host];
    if (!answer) return lookup(host, { all: true });
    calls[host] = (calls[host] ?? 0) + 1;
    return [{ address: answer(calls[host] - 1), family: 4 }];
  };

  beforeAll(async () => {
    ({ server: internal, port } = await internalServer(hits));
    shop = createServer((req, res) => {
      const html = (s: string) => res.writeHead(200, { 'content-type': 'text/html' }).end(s);
      const about = 'We sell guitars, drums and keyboards, and we ship them across the country within two days.';
      switch (req.url) {
        case '/robots.txt':
          return res
            .writeHead(200, { 'content-type': 'text/plain' })
            .end(`User-agent: *\nAllow: /\nSitemap: http://127.0.0.1:${port}/sitemap.xml\n`);
        case '/':
          return html(page('Shop home', `Welcome to the shop. ${about}`, ['/about', '/to-internal', '/to-metadata']));
        case '/about':
          return html(page('About the shop', about));
        case '/to-internal':
          return res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }).end();
        case '/to-metadata':
          return res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        default:
          return res.writeHead(404).end();
      }
    });
    shopPort = await listen(shop);
    server = await startLiveServer(
      { LOG_LEVEL: 'silent' },
      { outbound: { resolve, trusted: (_address, host) => host === 'shop.test' } },
    );
    admin = await server.signIn();
  });
  afterAll(async () => {
    await server?.close();
    shut(internal);
    shut(shop);
  });

  const ws = () => `/api/workspaces/${server.workspaceId}`;
  const spellings = () => [
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    `evil.test:${port}`, // a DNS name resolving to 127.0.0.1
    `0.0.0.0:${port}`,
    `127.1:${port}`,
    `2130706433:${port}`,
    `0x7f000001:${port}`,
    `0177.0.0.1:${port}`,
    `[::ffff:127.0.0.1]:${port}`,
    `[::1]:${port}`,
    '169.254.169.254',
    'metadata.test',
    '[fd00:ec2::254]',
    '[::ffff:a9fe:a9fe]',
    '100.100.100.200',
    '10.0.0.1',
    '192.168.1.1',
  ];

  /** Adds a web source and waits until it has been read. */
  const addWeb = async (body: { url: string; crawl?: boolean }): Promise<Source> => {
    const agent = await connectAgent(server.url, admin, server.workspaceId);
    try {
      const res = await server.api<Source>('POST', `${ws()}/knowledge/web`, admin, body);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      await agent.next(
        (e) =>
          e.name === 'knowledge.source.updated' && e.data.sourceId === res.body.id && e.data.status !== 'ingesting',
      );
      const all = await server.api<Source[]>('GET', `${ws()}/knowledge/sources`, admin);
      return all.body.find((s) => s.id === res.body.id)!;
    } finally {
      agent.close();
    }
  };
  const secretInKnowledge = async () => {
    const index = await server.runtime.knowledge.index(server.workspaceId);
    return index.search('warehouse vault code', 10).some((h) => h.chunk.text.includes(SECRET));
  };

  // Webhooks first: adding knowledge retrains the index, and the bot's turn would wait for it.
  it('refuses a webhook at any internal spelling with a 400', async () => {
    for (const host of spellings()) {
      const res = await server.api<{ error: { code: string } }>('POST', `${ws()}/webhooks`, admin, {
        url: `http://${host}/hook`,
      });
      expect(res.status, host).toBe(400);
      expect(res.body.error.code).toBe('blocked_address');
    }
    expect((await server.api<unknown[]>('GET', `${ws()}/webhooks`, admin)).body).toEqual([]);
  });

  it('delivers nothing to an internal address: a coded error, never the target’s status', async () => {
    const rebind = await server.api<{ id: string }>('POST', `${ws()}/webhooks`, admin, {
      url: `http://rebind-hook.test:${port}/hook`,
      events: ['message.created'],
    });
    const redirect = await server.api<{ id: string }>('POST', `${ws()}/webhooks`, admin, {
      url: `http://shop.test:${shopPort}/to-internal`,
      events: ['message.created'],
    });
    expect([rebind.status, redirect.status]).toEqual([201, 201]);
    const visitor = await connectVisitor(server.url, server.workspaceId);
    expect((await visitor.send('Hello there')).ok).toBe(true);
    visitor.close();
    await server.idle();
    await server.runtime.webhooks.drain();

    const log = async (id: string) =>
      (await server.api<Delivery[]>('GET', `${ws()}/webhooks/${id}/deliveries`, admin)).body;
    const rebound = await log(rebind.body.id);
    expect(rebound.length).toBeGreaterThan(0);
    for (const d of rebound) {
      expect(d).toMatchObject({ status: 'failed', attempts: 1, responseStatus: null });
      expect(d.lastError).toMatch(/^BLOCKED_ADDRESS: rebind-hook\.test resolves to an internal/);
    }
    // A redirect is not followed for a webhook: the shop's own 302 is what is recorded.
    const redirected = await log(redirect.body.id);
    expect(redirected.length).toBeGreaterThan(0);
    for (const d of redirected) expect(d).toMatchObject({ responseStatus: 302, lastError: 'HTTP 302' });
    expect(hits).toEqual([]);
  });

  it('refuses a knowledge page, site or sitemap at any internal spelling with a 400', async () => {
    const before = (await server.api<Source[]>('GET', `${ws()}/knowledge/sources`, admin)).body.length;
    for (const host of spellings()) {
      for (const body of [
        { url: `http://${host}/secret` },
        { url: `http://${host}/`, crawl: true },
        { url: `http://${host}/sitemap.xml` },
      ]) {
        const res = await server.api<{ error: { code: string; message: string } }>(
          'POST',
          `${ws()}/knowledge/web`,
          admin,
          body,
        );
        expect(res.status, `${body.url} ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.error.code).toBe('blocked_address');
        expect(res.body.error.message).toMatch(/internal \(\w+\) address/);
      }
    }
    // No source was even recorded.
    expect((await server.api<Source[]>('GET', `${ws()}/knowledge/sources`, admin)).body).toHaveLength(before);
    expect(hits).toEqual([]);
  });

  it('refuses a page that redirects to loopback or metadata, as a coded source error', async () => {
    for (const path of ['/to-internal', '/to-metadata']) {
      const source = await addWeb({ url: `http://shop.test:${shopPort}${path}` });
      expect(source).toMatchObject({ status: 'error', chunkCount: 0 });
      expect(source.error).toMatch(/^Refused .*internal \((loopback|linkLocal)\) address/);
    }
    expect(hits).toEqual([]);
    expect(await secretInKnowledge()).toBe(false);
    const answer = await server.runtime.knowledge.answer(server.workspaceId, 'What is the warehouse vault code?', null);
    expect(answer.text).not.toContain(SECRET);
  });

  it('crawls a public site without following its links, redirects or sitemaps inside', async () => {
    const source = await addWeb({ url: `http://shop.test:${shopPort}/`, crawl: true });
    expect(source.status).toBe('ready');
    expect(source.chunkCount).toBeGreaterThan(0);
    const index = await server.runtime.knowledge.index(server.workspaceId);
    expect(index.search('guitars drums keyboards', 10).some((h) => h.chunk.url?.includes('shop.test'))).toBe(true);
    expect(hits).toEqual([]);
    expect(await secretInKnowledge()).toBe(false);
  });

  it('refuses a name that was public when added and resolves to loopback when fetched (DNS rebinding)', async () => {
    const source = await addWeb({ url: `http://rebind-kb.test:${port}/secret` });
    expect(calls['rebind-kb.test']).toBe(2); // resolved once when added, once by the connection
    expect(source).toMatchObject({ status: 'error', chunkCount: 0 });
    expect(source.error).toMatch(/rebind-kb\.test resolves to an internal \(loopback\) address/);
    expect(hits).toEqual([]);
  });
});

describe('SSRF: CHATREF_ALLOW_PRIVATE_URLS=1 lets an intranet server through', () => {
  let server: LiveServer;
  let internal: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    ({ server: internal, port } = await internalServer(hits));
    server = await startLiveServer({ LOG_LEVEL: 'silent', CHATREF_ALLOW_PRIVATE_URLS: '1' });
  });
  afterAll(async () => {
    await server?.close();
    shut(internal);
  });

  it('delivers a webhook to loopback', async () => {
    const admin = await server.signIn();
    const ws = `/api/workspaces/${server.workspaceId}`;
    const hook = await server.api<{ id: string }>('POST', `${ws}/webhooks`, admin, {
      url: `http://127.0.0.1:${port}/hook`,
      events: ['message.created'],
    });
    expect(hook.status).toBe(201);
    const visitor = await connectVisitor(server.url, server.workspaceId);
    expect((await visitor.send('Hello there')).ok).toBe(true);
    visitor.close();
    await server.idle();
    await server.runtime.webhooks.drain();
    const log = await server.api<Delivery[]>('GET', `${ws}/webhooks/${hook.body.id}/deliveries`, admin);
    expect(log.body[0]).toMatchObject({ status: 'delivered', responseStatus: 200, lastError: null });
    expect(hits).toContain('/hook');
  });

  it('reads a loopback page into knowledge', async () => {
    const admin = await server.signIn();
    const ws = `/api/workspaces/${server.workspaceId}`;
    const agent = await connectAgent(server.url, admin, server.workspaceId);
    const added = await server.api<Source>('POST', `${ws}/knowledge/web`, admin, {
      url: `http://localhost:${port}/secret`,
    });
    expect(added.status).toBe(202);
    const done = await agent.next(
      (e) =>
        e.name === 'knowledge.source.updated' && e.data.sourceId === added.body.id && e.data.status !== 'ingesting',
    );
    agent.close();
    expect(done.data.status).toBe('ready');
    const index = await server.runtime.knowledge.index(server.workspaceId);
    expect(index.search('warehouse vault code', 10).some((h) => h.chunk.text.includes(SECRET))).toBe(true);
    expect(hits).toContain('/secret');
  });

  it('is validated as configuration', () => {
    expect(loadConfig({ CHATREF_ALLOW_PRIVATE_URLS: '1' }).allowPrivateUrls).toBe(true);
    expect(loadConfig({}).allowPrivateUrls).toBe(false);
    expect(() => loadConfig({ CHATREF_ALLOW_PRIVATE_URLS: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ CHATREF_ALLOW_PRIVATE_URLS: 'yes' })).toThrow(/CHATREF_ALLOW_PRIVATE_URLS/);
  });
});
