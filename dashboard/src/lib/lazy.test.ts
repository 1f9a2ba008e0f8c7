import { describe, expect, it } from 'vitest';
import { loadOrReload, type ReloadDeps } from './lazy';

/** A tab: its session storage, its reloads, and a clock the test moves. */
function tab(withStorage = true) {
  const map = new Map<string, string>();
  const t: { reloads: number; at: number; deps: ReloadDeps } = {
    reloads: 0,
    at: 1_000_000,
    deps: {
      storage: withStorage ? { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) } : null,
      reload: () => void t.reloads++,
      now: () => t.at,
    },
  };
  return t;
}

const chunkGone = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
const settled = (p: Promise<unknown>) =>
  Promise.race([
    p.then(
      () => 'loaded',
      () => 'failed',
    ),
    new Promise((r) => setTimeout(() => r('pending'), 20)),
  ]);

describe('a lazy chunk that fails to load', () => {
  it('loads as usual when it is there', async () => {
    const t = tab();
    expect(await loadOrReload(() => Promise.resolve('Settings'), t.deps)).toBe('Settings');
    expect(t.reloads).toBe(0);
  });

  it('reloads the page once, then fails as it would have', async () => {
    const t = tab();
    expect(await settled(loadOrReload(chunkGone, t.deps))).toBe('pending');
    expect(t.reloads).toBe(1);
    t.at += 5_000; // the reloaded page fails too: no loop
    expect(await settled(loadOrReload(chunkGone, t.deps))).toBe('failed');
    expect(t.reloads).toBe(1);
  });

  it('reloads again for a later upgrade', async () => {
    const t = tab();
    await settled(loadOrReload(chunkGone, t.deps));
    t.at += 10 * 60_000;
    expect(await settled(loadOrReload(chunkGone, t.deps))).toBe('pending');
    expect(t.reloads).toBe(2);
  });

  it('does not reload where it cannot remember having done so', async () => {
    const t = tab(false);
    expect(await settled(loadOrReload(chunkGone, t.deps))).toBe('failed');
    expect(t.reloads).toBe(0);
  });
});
