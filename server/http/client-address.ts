/**
 * The client's address behind proxies, for rate limits. Each proxy appends the address it got the
 * request from to X-Forwarded-For, so only the last `hops` entries were written by proxies we
 * trust; anything left of them came from the client and may be made up. Read the same way as
 * Fastify's `trustProxy: hops`, so REST and sockets agree.
 */
import type { IncomingMessage } from 'node:http';
import proxyaddr from '@fastify/proxy-addr';

/** Trusts the `hops` nearest proxies (Fastify's `trustProxy` and proxy-addr take this function). */
export const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export function clientAddress(req: IncomingMessage, hops: number): string {
  if (hops <= 0) return req.socket.remoteAddress ?? '';
  return proxyaddr(req, trustHops(hops));
}
