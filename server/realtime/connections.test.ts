import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionCap } from './connections';

describe('open socket connections per address', () => {
  const http = createServer();
  const cap = connectionCap(3, 1);
  const io = new Server(http, { allowRequest: cap.allowRequest });
  cap.attach(io);
  let url = '';
  const clients: ClientSocket[] = [];
  beforeAll(async () => {
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await io.close();
  });

  /** Resolves "connected" or the refusal's message; `ip` arrives as a trusted proxy's X-Forwarded-For. */
  const open = (ip: string) =>
    new Promise<ClientSocket | string>((resolve) => {
      const c = connect(url, {
        transports: ['websocket'],
        extraHeaders: { 'x-forwarded-for': ip },
        reconnection: false,
        forceNew: true,
      });
      clients.push(c);
      c.once('connect', () => resolve(c));
      c.once('connect_error', (err) => resolve(err.message));
    });

  it('refuses a connection past the cap from one address, not from others, and frees a slot on close', async () => {
    const first = [await open('203.0.113.7'), await open('203.0.113.7'), await open('203.0.113.7')];
    expect(first.every((c) => typeof c !== 'string')).toBe(true);
    expect(await open('203.0.113.7')).toBe('websocket error');
    expect(typeof (await open('203.0.113.8'))).not.toBe('string');
    expect(cap.openFrom('203.0.113.7')).toBe(3);
    (first[0] as ClientSocket).close();
    await expect.poll(() => cap.openFrom('203.0.113.7')).toBe(2);
    expect(typeof (await open('203.0.113.7'))).not.toBe('string');
  });
});
