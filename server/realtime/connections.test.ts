import type { Socket as ClientSocket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { socketServerForTests } from '../../tests/socket-server';
import { connectionCap } from './connections';

describe('open socket connections per address', () => {
  const cap = connectionCap(3, 1);
  const server = socketServerForTests({ allowRequest: cap.allowRequest });
  cap.attach(server.io);

  /** Resolves "connected" or the refusal's message; `ip` arrives as a trusted proxy's X-Forwarded-For. */
  const open = (ip: string) =>
    new Promise<ClientSocket | string>((resolve) => {
      const c = server.client('', { extraHeaders: { 'x-forwarded-for': ip } });
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
