/**
 * A whole site, bounded: the pages its sitemap lists, or (without one) a breadth-first crawl of
 * same-host links from the start page. robots.txt is obeyed, pages and depth are capped, each
 * request has a timeout, and a page that fails is reported without stopping the rest.
 */
import { parseHTML } from './dom';
import { IngestError, asIngestError } from './errors';
import { fetchUrl, parseHttpUrl, USER_AGENT, type FetchLike } from './fetch';
import { extractLinks } from './html';
import { parseSource } from './parse';
import { ALLOW_ALL, parseRobots, type Robots } from './robots';
import type { ParsedDocument, ProgressCallback } from './types';

export interface CrawlOptions {
  maxPages?: number;
  /** Link hops from the start page (sitemap pages count as depth 0). */
  maxDepth?: number;
  fetch?: FetchLike;
  onProgress?: ProgressCallback;
  timeoutMs?: number;
  maxBytes?: number;
  /** Pages fetched at once. */
  concurrency?: number;
  /** Read sitemaps (robots.txt Sitemap lines, /sitemap.xml, or a start URL ending in .xml). */
  useSitemap?: boolean;
  userAgent?: string;
}

export interface CrawlResult {
  pages: { url: string; document: ParsedDocument }[];
  /** Pages that could not be fetched or read, each with its own coded error. */
  errors: IngestError[];
  /** Pages robots.txt kept us from. */
  disallowed: string[];
  /** How the pages were found. */
  via: 'sitemap' | 'links';
}

/** Paths that are never knowledge (media, archives, feeds). */
const SKIP =
  /\.(jpe?g|png|gif|webp|svg|ico|css|js|mjs|map|zip|gz|tgz|rar|7z|mp3|mp4|m4a|wav|ogg|webm|mov|avi|woff2?|ttf|eot|exe|dmg|apk|json|rss|atom)$/i;

async function readRobots(
  origin: string,
  o: Required<Pick<CrawlOptions, 'timeoutMs' | 'userAgent'>> & CrawlOptions,
): Promise<Robots> {
  try {
    const res = await fetchUrl(`${origin}/robots.txt`, {
      fetch: o.fetch,
      timeoutMs: o.timeoutMs,
      maxBytes: 512 * 1024,
      userAgent: o.userAgent,
    });
    return parseRobots(new TextDecoder().decode(res.bytes), 'chatrefbot');
  } catch (err) {
    const e = asIngestError(err);
    if (e.code === 'BLOCKED_ADDRESS') throw e;
    // RFC 9309: no robots.txt (4xx) allows all; an unreachable or failing one forbids all.
    if (e.code === 'HTTP_ERROR' && / 4\d\d$/.test(e.message)) return ALLOW_ALL;
    throw new IngestError(
      'ROBOTS_DISALLOWED',
      `robots.txt of ${origin} could not be read (${e.message}); not crawling`,
      origin,
      { cause: err },
    );
  }
}

/** <loc> entries of a sitemap or sitemap index. */
export function parseSitemap(xml: string): { urls: string[]; sitemaps: string[] } {
  const { document } = parseHTML(xml.replace(/<\?xml[^>]*>/, ''));
  const locs = (sel: string) =>
    Array.from(document.querySelectorAll(sel))
      .map((n) => (n.textContent ?? '').trim())
      .filter(Boolean);
  return { urls: locs('url > loc'), sitemaps: locs('sitemap > loc') };
}

/** The same-host page URLs of the sitemaps, and the sitemaps refused for their address. */
async function sitemapUrls(
  candidates: string[],
  host: string,
  o: CrawlOptions & { timeoutMs: number; userAgent: string },
): Promise<{ urls: string[]; blocked: IngestError[] }> {
  const urls: string[] = [];
  const blocked: IngestError[] = [];
  const queue = [...candidates];
  const seen = new Set<string>();
  while (queue.length && seen.size < 20) {
    const sm = queue.shift()!;
    if (seen.has(sm)) continue;
    seen.add(sm);
    try {
      const res = await fetchUrl(sm, {
        fetch: o.fetch,
        timeoutMs: o.timeoutMs,
        maxBytes: 10 * 1024 * 1024,
        userAgent: o.userAgent,
      });
      const parsed = parseSitemap(new TextDecoder().decode(res.bytes));
      queue.push(...parsed.sitemaps);
      for (const u of parsed.urls) {
        try {
          if (new URL(u).host === host) urls.push(u);
        } catch {
          // skip malformed entries
        }
      }
    } catch (err) {
      // a missing sitemap just means crawling by links; one at an internal address is reported
      const e = asIngestError(err, sm);
      if (e.code === 'BLOCKED_ADDRESS') blocked.push(e);
    }
  }
  return { urls: [...new Set(urls)], blocked };
}

/** Crawls a site within the bounds given; see the module comment. */
export async function crawlSite(startUrl: string, opts: CrawlOptions = {}): Promise<CrawlResult> {
  const start = parseHttpUrl(startUrl);
  const o = { ...opts, timeoutMs: opts.timeoutMs ?? 10_000, userAgent: opts.userAgent ?? USER_AGENT };
  const maxPages = Math.max(1, opts.maxPages ?? 50);
  const maxDepth = Math.max(0, opts.maxDepth ?? 3);
  const robots = await readRobots(start.origin, o);
  const result: CrawlResult = { pages: [], errors: [], disallowed: [], via: 'links' };

  let seeds: string[] = [];
  if (opts.useSitemap ?? true) {
    const candidates = /\.xml$/i.test(start.pathname)
      ? [start.toString()]
      : [...robots.sitemaps.map((s) => new URL(s, start.origin).toString()), `${start.origin}/sitemap.xml`];
    const found = await sitemapUrls(candidates, start.host, o);
    seeds = found.urls;
    result.errors.push(...found.blocked);
  }
  if (seeds.length) result.via = 'sitemap';
  else seeds = [start.toString()];

  const queue: { url: string; depth: number }[] = [];
  const seen = new Set<string>();
  const enqueue = (url: string, depth: number) => {
    const u = new URL(url);
    u.hash = '';
    const key = u.toString();
    if (seen.has(key) || u.host !== start.host || SKIP.test(u.pathname)) return;
    seen.add(key);
    if (!robots.isAllowed(key)) {
      result.disallowed.push(key);
      return;
    }
    queue.push({ url: key, depth });
  };
  for (const s of seeds) enqueue(s, 0);

  let started = 0;
  let done = 0;
  const total = () => Math.min(maxPages, started + queue.length);
  const worker = async () => {
    while (queue.length && started < maxPages) {
      const { url, depth } = queue.shift()!;
      started++;
      try {
        const src = await fetchUrl(url, {
          fetch: o.fetch,
          timeoutMs: o.timeoutMs,
          maxBytes: o.maxBytes,
          userAgent: o.userAgent,
        });
        const document = await parseSource(src, { url: src.url, maxBytes: o.maxBytes });
        result.pages.push({ url: src.url, document });
        if (result.via === 'links' && depth < maxDepth && document.format === 'html') {
          for (const link of extractLinks(new TextDecoder().decode(src.bytes), src.url)) enqueue(link, depth + 1);
        }
      } catch (err) {
        result.errors.push(asIngestError(err, url));
      }
      done++;
      opts.onProgress?.({ done, total: total(), label: url });
    }
  };
  // Workers stop when the queue is empty; a page still in flight may add links, so loop.
  while (queue.length && started < maxPages) {
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  }
  return result;
}
