import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/bus';
import { EventBus } from '../events/bus';
import { WorkspaceCache } from './cached';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cache over a counter: each read returns the next value, after `readMs`. */
function counting(ttlMs: number, readMs = 0) {
  let reads = 0;
  const cache = new WorkspaceCache<{ value: number }>(
    async () => {
      const value = ++reads;
      if (readMs) await sleep(readMs);
      return { value };
    },
    (e: StoredEvent) => e.name === 'workspace.updated',
    { ttlMs },
  );
  return { cache, reads: () => reads };
}

describe('WorkspaceCache', () => {
  it('answers from memory once read, and not before', async () => {
    const { cache, reads } = counting(60_000);
    expect(cache.has('w')).toBe(false);
    expect(reads()).toBe(0);
    expect((await cache.get('w')).value).toBe(1);
    expect(cache.has('w')).toBe(true);
    expect((await cache.get('w')).value).toBe(1);
    expect(reads()).toBe(1);
  });

  it('answers an expired entry at once while it reads it again in the background', async () => {
    const { cache, reads } = counting(200, 40);
    expect((await cache.get('w')).value).toBe(1);
    await sleep(250);
    // Expired: still answered from memory, and the read again has started.
    expect(cache.has('w')).toBe(true);
    expect(reads()).toBe(2);
    expect((await cache.get('w')).value).toBe(1);
    // One read at a time, however often it is asked meanwhile.
    expect(cache.has('w')).toBe(true);
    expect(reads()).toBe(2);
    await sleep(100);
    expect((await cache.get('w')).value).toBe(2);
    expect(reads()).toBe(2);
  });

  it('forgets an entry at once when a change drops it', async () => {
    const { cache, reads } = counting(60_000);
    const bus = new EventBus();
    const stop = cache.start({ bus });
    try {
      await cache.get('w');
      bus.publish({
        id: 1,
        workspaceId: 'w',
        name: 'workspace.updated',
        conversationId: null,
        actorType: 'user',
        actorId: null,
        data: { part: 'settings' },
        createdAt: new Date(),
      });
      await bus.idle();
      expect(cache.has('w')).toBe(false);
      expect((await cache.get('w')).value).toBe(2);
      expect(reads()).toBe(2);
    } finally {
      stop();
    }
  });
});
