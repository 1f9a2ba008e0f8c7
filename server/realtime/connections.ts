/**
 * A cap on open socket connections per client address (both namespaces share one connection per
 * browser tab), so one address cannot hold thousands of connections and the memory they cost.
 * The address is read as the rate limits read it (X-Forwarded-For through trusted proxies only).
 * Handshakes that arrive together may overshoot the cap by the few still in flight.
 */
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';
import { clientAddress } from '../http/client-address';

export interface ConnectionCap {
  /** Socket.IO's `allowRequest`: refuses a new connection from an address at its cap. */
  allowRequest: NonNullable<ServerOptions['allowRequest']>;
  /** Starts counting the connections the server accepts. */
  attach(io: Server): void;
  /** Open connections from one address (for tests). */
  openFrom(address: string): number;
}

export function connectionCap(max: number, trustProxy: number): ConnectionCap {
  const open = new Map<string, number>();
  return {
    allowRequest: (req, done) => {
      const n = open.get(clientAddress(req, trustProxy)) ?? 0;
      if (n < max) return done(null, true);
      done('too many connections from this address', false);
    },
    attach(io) {
      io.engine.on('connection', (raw: { request: IncomingMessage; once(e: 'close', f: () => void): void }) => {
        const address = clientAddress(raw.request, trustProxy);
        open.set(address, (open.get(address) ?? 0) + 1);
        raw.once('close', () => {
          const left = (open.get(address) ?? 1) - 1;
          if (left > 0) open.set(address, left);
          else open.delete(address);
        });
      });
    },
    openFrom: (address) => open.get(address) ?? 0,
  };
}
