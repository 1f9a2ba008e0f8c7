/**
 * The one way the server makes requests elsewhere — pages, sites, sitemaps and robots.txt for
 * knowledge, and webhooks — so that a user-given URL never reaches the server's own network.
 *
 * Every connection is made to an address checked by `internalRange`: the name is resolved by the
 * connection's own lookup, which refuses the whole name if any address is internal, and the socket
 * connects to the addresses that lookup returned (no second resolution a DNS rebinding could
 * answer differently); the peer address of the open socket is checked once more. IP literals are
 * checked before connecting. Redirects are followed here, one hop at a time, each hop checked the
 * same way. Requests go straight out: HTTP(S)_PROXY is not used (a proxy would connect for us,
 * unchecked).
 */
import type { LookupAddress } from 'node:dns';
import { lookup as systemLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import type { Agent } from 'undici';
import { hostOf, internalRange } from './addresses';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface OutboundOptions {
  /** Let requests reach internal addresses too (`CHATREF_ALLOW_PRIVATE_URLS=1`: a self-hosted intranet). */
  allowPrivate?: boolean;
  /** Redirects followed per request (each one checked like the first URL); default 5. */
  maxRedirects?: number;
  /** Name resolution; the system's by default (tests answer for made-up names). */
  resolve?: Resolver;
  /** Addresses taken as public although they are not (tests stand a "public" site up on loopback). */
  trusted?: (address: string, hostname: string) => boolean;
}

/** A request refused because its host is, or resolves to, an internal address. */
export class BlockedAddressError extends Error {
  readonly code = 'BLOCKED_ADDRESS';
  constructor(
    readonly hostname: string,
    readonly range: string,
    literal: boolean,
  ) {
    // A name's address is not shown: it would map the server's internal DNS for the asker.
    super(
      `${literal ? `${hostname} is` : `${hostname} resolves to`} an internal (${range}) address; ` +
        'the server does not send requests into its own network (CHATREF_ALLOW_PRIVATE_URLS=1 allows it on an intranet)',
    );
    this.name = 'BlockedAddressError';
  }
}

/** The BlockedAddressError behind an error (fetch wraps connection errors in causes), if any. */
export function blockedAddressIn(err: unknown): BlockedAddressError | null {
  for (let e = err, depth = 0; e && depth < 5; depth++, e = (e as { cause?: unknown }).cause) {
    if (e instanceof BlockedAddressError) return e;
  }
  return null;
}

export interface Outbound {
  /** `fetch` for outside URLs only; `redirect: 'follow'` (the default) follows checked hops. */
  fetch: FetchLike;
  /**
   * Why a URL would be refused, or null: for checks when a URL is saved (a 4xx then beats an error
   * later). A name that does not resolve (yet) is not refused here; fetching it checks again.
   */
  refusal(url: string): Promise<string | null>;
  /** Closes kept-alive connections. */
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RESOLVE_TIMEOUT_MS = 5000;

/** A guarded fetcher with its own connection pool; see the module comment. */
export function createOutbound(opts: OutboundOptions = {}): Outbound {
  const resolve: Resolver = opts.resolve ?? ((host) => systemLookup(host, { all: true, verbatim: true }));
  const maxRedirects = opts.maxRedirects ?? 5;

  const check = (address: string, hostname: string, literal: boolean): void => {
    if (opts.allowPrivate || opts.trusted?.(address, hostname)) return;
    const range = internalRange(address);
    if (range) throw new BlockedAddressError(hostname, range, literal);
  };

  const resolveChecked = async (hostname: string): Promise<LookupAddress[]> => {
    const found = await resolve(hostname);
    if (!found.length) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    for (const a of found) check(a.address, hostname, false);
    return found;
  };

  // net.connect's lookup: the socket connects to exactly the addresses checked here.
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolveChecked(hostname).then(
      (all) => {
        const list =
          options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (!list.length)
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
        else if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
        else callback(null, list[0].address, list[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };

  let agent: Promise<Agent> | null = null;
  const dispatcher = () =>
    (agent ??= import('undici').then(({ Agent, buildConnector }) => {
      const connect = buildConnector({ lookup });
      return new Agent({
        connect: (o, callback) =>
          connect(o, (err, socket) => {
            if (!socket) return callback(err ?? new Error('no connection'), null);
            // The peer actually reached, whatever path led to it.
            try {
              check(socket.remoteAddress ?? '', o.hostname, false);
            } catch (blocked) {
              socket.destroy();
              return callback(blocked as Error, null);
            }
            callback(null, socket);
          }),
      });
    }));

  const guardedFetch: FetchLike = async (input, init = {}) => {
    const { fetch } = await import('undici');
    const mode = init.redirect ?? 'follow';
    let url = new URL(input);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    const headers = Object.fromEntries(new Headers(init.headers));
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new Error(`only http and https URLs are fetched, not ${url.protocol}`);
      const { host, literal } = hostOf(url);
      if (literal) check(host, host, true);
      let res: Response;
      try {
        res = (await fetch(url.href, {
          ...(init as object),
          method,
          body,
          headers,
          redirect: 'manual',
          dispatcher: await dispatcher(),
        } as import('undici').RequestInit)) as unknown as Response;
      } catch (err) {
        throw blockedAddressIn(err) ?? err;
      }
      const location = res.headers.get('location');
      if (mode === 'manual' || !REDIRECTS.has(res.status) || !location) return res;
      await res.body?.cancel().catch(() => undefined);
      if (mode === 'error') throw new Error(`${url.href} redirects to ${location}`);
      if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects from ${input}`);
      const next = new URL(location, url);
      if (next.origin !== url.origin) for (const h of ['authorization', 'cookie']) delete headers[h];
      if (res.status === 303 ? method !== 'HEAD' : (res.status === 301 || res.status === 302) && method === 'POST') {
        method = 'GET';
        body = undefined;
        delete headers['content-type'];
        delete headers['content-length'];
      }
      url = next;
    }
  };

  return {
    fetch: guardedFetch,
    refusal: async (raw) => {
      if (opts.allowPrivate) return null;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return `"${raw}" is not a valid URL`;
      }
      const { host, literal } = hostOf(url);
      try {
        if (literal) check(host, host, true);
        else {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), RESOLVE_TIMEOUT_MS)));
          const found = await Promise.race([resolve(host).catch(() => null), timeout]).finally(() =>
            clearTimeout(timer),
          );
          for (const a of found ?? []) check(a.address, host, false);
        }
        return null;
      } catch (err) {
        if (err instanceof BlockedAddressError) return err.message;
        throw err;
      }
    },
    close: async () => {
      const a = agent;
      agent = null;
      if (a) await (await a).close();
    },
  };
}

let shared: Outbound | null = null;

/** The default fetcher where none is given: public addresses only. */
export const publicFetch: FetchLike = (url, init) => (shared ??= createOutbound()).fetch(url, init);
