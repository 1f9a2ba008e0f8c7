/**
 * Fetching one URL for ingestion: http(s) only, public addresses only (the guarded fetcher of
 * `net/outbound`, unless another is given), a timeout, a size cap read from the stream (not
 * trusted from headers), and errors that say what went wrong. `fetch` is injectable for tests.
 */
import { blockedAddressIn, publicFetch } from '../../net/outbound';
import { IngestError } from './errors';
import { DEFAULT_MAX_BYTES, parseSource } from './parse';
import type { ParsedDocument, SourceInput } from './types';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export const USER_AGENT = 'ChatrefBot/0.1 (+https://github.com/chatref/chatref)';

export interface FetchOptions {
  /** How to fetch; by default the guarded fetcher that refuses internal addresses. */
  fetch?: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

export interface FetchedSource extends SourceInput {
  /** The final URL, after redirects. */
  url: string;
  status: number;
}

/** Parses and checks a URL given by a user; throws INVALID_URL for anything but http(s). */
export function parseHttpUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new IngestError('INVALID_URL', `"${raw}" is not a valid URL`, raw);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new IngestError('INVALID_URL', `Only http and https URLs can be fetched, not ${u.protocol}`, raw);
  return u;
}

/** A file name for a fetched URL: its last path segment, or the host. */
export function filenameOf(url: string): string {
  const u = new URL(url);
  const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '');
  return last || u.hostname;
}

/** Fetches a URL's body within the time and size limits. */
export async function fetchUrl(raw: string, opts: FetchOptions = {}): Promise<FetchedSource> {
  const url = parseHttpUrl(raw).toString();
  const doFetch = opts.fetch ?? publicFetch;
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  try {
    const res = await doFetch(url, {
      signal: abort.signal,
      redirect: 'follow',
      headers: {
        'user-agent': opts.userAgent ?? USER_AGENT,
        accept: 'text/html,application/xhtml+xml,application/pdf,text/*;q=0.9,*/*;q=0.5',
      },
    });
    if (!res.ok) throw new IngestError('HTTP_ERROR', `${url} answered HTTP ${res.status}`, url);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > max)
      throw new IngestError(
        'TOO_LARGE',
        `${url} is ${(declared / 1048576).toFixed(1)} MB; the limit is ${(max / 1048576).toFixed(0)} MB`,
        url,
      );
    const bytes = await readLimited(res, max, url);
    const finalUrl = res.url || url;
    return {
      url: finalUrl,
      status: res.status,
      bytes,
      contentType: res.headers.get('content-type') ?? undefined,
      filename: filenameOf(finalUrl),
    };
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const blocked = blockedAddressIn(err);
    if (blocked) throw new IngestError('BLOCKED_ADDRESS', `Refused ${url}: ${blocked.message}`, url, { cause: err });
    if (timedOut)
      throw new IngestError('FETCH_TIMEOUT', `${url} did not answer within ${Math.round(timeoutMs / 1000)} s`, url, {
        cause: err,
      });
    throw new IngestError(
      'FETCH_FAILED',
      `Could not fetch ${url}: ${err instanceof Error ? err.message : String(err)}`,
      url,
      { cause: err },
    );
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(res: Response, max: number, url: string): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new IngestError('TOO_LARGE', `${url} is larger than the ${(max / 1048576).toFixed(0)} MB limit`, url);
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Fetches and parses one web page or document. */
export async function fetchDocument(url: string, opts: FetchOptions = {}): Promise<ParsedDocument> {
  const src = await fetchUrl(url, opts);
  return parseSource(src, { url: src.url, maxBytes: opts.maxBytes });
}
