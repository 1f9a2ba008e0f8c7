import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbound } from '../../net/outbound';
import { ingestSite, ingestUrl } from './batch';
import { crawlSite } from './crawl';
import { fetchUrl } from './fetch';
import { parseRobots } from './robots';
import { makePdf } from './testfiles';

const page = (title: string, body: string, links: string[] = []) =>
  `<!doctype html><html><head><title>${title}</title></head><body><nav>${links.map((l) => `<a href="${l}">${l}</a>`).join(' ')}</nav>` +
  `<main><article><h1>${title}</h1><p>${body}</p></article></main><footer>Footer</footer></body></html>`;

/** A small shop site on 127.0.0.1: pages linking to each other, robots.txt, and (on /sm/) a sitemap. */
function site(pdf: Uint8Array): Server {
  const long = 'This page tells customers everything they need to know about the topic in its title, in plain words.';
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const html = (s: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(s);
    switch (url.pathname) {
      case '/robots.txt':
        return res
          .writeHead(200, { 'content-type': 'text/plain' })
          .end('User-agent: *\nDisallow: /private\n\nSitemap: /sm/sitemap.xml\n');
      case '/sm/sitemap.xml':
        return res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
              ['/', '/shipping', '/returns', '/private/admin', '/guide']
                .map((p) => `<url><loc>http://${req.headers.host}${p}</loc></url>`)
                .join('') +
              `</urlset>`,
          );
      case '/':
        return html(
          page('Home', `Welcome to the shop. ${long}`, [
            '/shipping',
            '/returns',
            '/private/admin',
            'https://elsewhere.example/',
          ]),
        );
      case '/shipping':
        return html(page('Shipping', `We ship in one day. ${long}`, ['/', '/deep/1']));
      case '/returns':
        return html(page('Returns', `Returns within 30 days. ${long}`, ['/']));
      case '/deep/1':
        return html(page('Deep one', `One level down. ${long}`, ['/deep/2']));
      case '/deep/2':
        return html(page('Deep two', `Two levels down. ${long}`, ['/deep/3']));
      case '/private/admin':
        return html(page('Admin', 'Secret.'));
      case '/guide':
        // A PDF served without an extension: the content type and magic bytes say what it is.
        return res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf));
      case '/slow':
        return; // never answers
      default:
        return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
}

describe('fetching and crawling a local site', () => {
  let server: Server;
  let base: string;
  // The site is on loopback: these tests allow it explicitly (the default refuses it, see below).
  const local = createOutbound({ allowPrivate: true });
  const fetch = local.fetch;

  beforeAll(async () => {
    server = site(await makePdf());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await local.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('crawls the pages the sitemap lists, skipping what robots.txt disallows', async () => {
    const progress: string[] = [];
    const r = await crawlSite(`${base}/`, {
      fetch,
      maxPages: 10,
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
    expect(r.via).toBe('sitemap');
    expect(r.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(['/', '/guide', '/returns', '/shipping']);
    expect(r.disallowed).toEqual([`${base}/private/admin`]);
    expect(r.pages.find((p) => p.url.endsWith('/guide'))?.document.format).toBe('pdf');
    expect(progress[progress.length - 1]).toBe('4/4');
  });

  it('follows same-host links within the depth and page bounds when not using the sitemap', async () => {
    const r = await crawlSite(`${base}/`, { fetch, useSitemap: false, maxDepth: 2, maxPages: 20 });
    const paths = r.pages.map((p) => new URL(p.url).pathname).sort();
    expect(r.via).toBe('links');
    expect(paths).toEqual(['/', '/deep/1', '/returns', '/shipping']); // /deep/2 is 3 hops away
    const capped = await crawlSite(`${base}/`, { fetch, useSitemap: false, maxDepth: 5, maxPages: 2 });
    expect(capped.pages).toHaveLength(2);
  });

  it('turns a site into chunks with their page links', async () => {
    const r = await ingestSite(`${base}/`, 'site', { fetch, maxPages: 10 });
    expect(r.errors).toEqual([]);
    const shipping = r.chunks.find((c) => c.title === 'Shipping');
    expect(shipping).toMatchObject({ sourceId: 'site', url: `${base}/shipping`, headingPath: ['Shipping'] });
  });

  it('reports HTTP errors and timeouts per URL, with codes', async () => {
    const missing = await ingestUrl(`${base}/nope`, 'x', { fetch });
    expect(missing.error?.code).toBe('HTTP_ERROR');
    const slow = await ingestUrl(`${base}/slow`, 'x', { fetch, timeoutMs: 200 });
    expect(slow.error?.code).toBe('FETCH_TIMEOUT');
    const bad = await ingestUrl('ftp://example.com/file', 'x');
    expect(bad.error?.code).toBe('INVALID_URL');
  });

  it('stops reading a body past the size limit', async () => {
    await expect(fetchUrl(`${base}/guide`, { fetch, maxBytes: 100 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('refuses the same loopback site by default: page, site and sitemap end in BLOCKED_ADDRESS', async () => {
    const one = await ingestUrl(`${base}/shipping`, 'x');
    expect(one.error?.code).toBe('BLOCKED_ADDRESS');
    expect(one.error?.message).toMatch(/127\.0\.0\.1 is an internal \(loopback\) address/);
    for (const start of [`${base}/`, `${base}/sm/sitemap.xml`]) {
      const site = await ingestSite(start, 'x');
      expect(site.errors.map((e) => e.code)).toEqual(['BLOCKED_ADDRESS']);
      expect(site.chunks).toEqual([]);
    }
  });

  it('uses an injected fetch', async () => {
    const seen: string[] = [];
    const fake = async (url: string) => {
      seen.push(url);
      return new Response(
        url.endsWith('robots.txt')
          ? 'nope'
          : page('Injected', 'Served by a fake fetch, long enough to count as the article body text.'),
        {
          status: url.endsWith('robots.txt') ? 404 : 200,
          headers: { 'content-type': 'text/html' },
        },
      );
    };
    const r = await crawlSite('https://shop.example/', { fetch: fake, useSitemap: false });
    expect(r.pages[0].document.title).toBe('Injected');
    expect(seen[0]).toBe('https://shop.example/robots.txt');
  });
});

describe('parseRobots', () => {
  const robots = parseRobots(
    'User-agent: *\nDisallow: /cart\nDisallow: /*.json$\nAllow: /cart/help\n\nUser-agent: ChatrefBot\nDisallow: /nobots\n\nSitemap: https://s.example/sm.xml',
    'chatrefbot',
  );
  it('applies our own group when one names us, and reads sitemaps', () => {
    expect(robots.isAllowed('https://s.example/nobots/x')).toBe(false);
    expect(robots.isAllowed('https://s.example/cart')).toBe(true); // the * group does not apply to us
    expect(robots.sitemaps).toEqual(['https://s.example/sm.xml']);
  });
  it('uses the longest match, Allow winning ties, and wildcards', () => {
    const star = parseRobots('User-agent: *\nDisallow: /cart\nDisallow: /*.json$\nAllow: /cart/help', 'chatrefbot');
    expect(star.isAllowed('https://s.example/cart/checkout')).toBe(false);
    expect(star.isAllowed('https://s.example/cart/help/returns')).toBe(true);
    expect(star.isAllowed('https://s.example/data/x.json')).toBe(false);
    expect(star.isAllowed('https://s.example/data/x.json?v=2')).toBe(true);
  });
});
