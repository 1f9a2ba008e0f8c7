import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Socket } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Ack } from '../../protocol/socket';
import { on } from './handler';

/** A socket that keeps the handlers registered on it, to call them as a client's emit would. */
function fakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => Promise<void>>();
  const socket = { on: (event: string, fn: (...args: unknown[]) => Promise<void>) => handlers.set(event, fn) };
  const call = (event: string, payload: unknown) =>
    new Promise<Ack<unknown>>((resolve) => void handlers.get(event)!(payload, resolve));
  return { socket: socket as unknown as Socket, call };
}

describe('socket handler', () => {
  it('refuses past the rate limit with when to try again, and takes the same request then', async () => {
    const { socket, call } = fakeSocket();
    const limiter = new RateLimiterMemory({ points: 1, duration: 1 });
    on(
      socket,
      'send',
      z.object({ body: z.string() }),
      { limiters: [{ key: () => 'v:1', limiter }], onUnexpected: () => undefined },
      async ({ body }) => body,
    );
    expect(await call('send', { body: 'one' })).toEqual({ ok: true, data: 'one' });
    const refused = await call('send', { body: 'two' });
    if (refused.ok) throw new Error('not refused');
    expect(refused.error.code).toBe('rate_limited');
    expect(refused.error.retryAfterMs).toBeGreaterThan(0);
    expect(refused.error.retryAfterMs).toBeLessThanOrEqual(1000);
    await new Promise((r) => setTimeout(r, refused.error.retryAfterMs));
    expect(await call('send', { body: 'two' })).toEqual({ ok: true, data: 'two' });
  });

  it('says nothing of retrying for other refusals', async () => {
    const { socket, call } = fakeSocket();
    on(socket, 'send', z.object({ body: z.string() }), { limiters: [], onUnexpected: () => undefined }, async () => 1);
    expect(await call('send', { body: 3 })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.any(String) as string },
    });
  });
});
