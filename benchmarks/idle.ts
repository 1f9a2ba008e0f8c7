/**
 * Memory per idle visitor connection: the server's resident memory before and after `n` visitors
 * have opened the chat and stay connected without writing.
 */
import { startLoad } from './load/run-load';
import type { Product } from './product';
import { median } from './stats';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A few readings once the server has settled, so one GC pause does not decide the figure. */
async function settledRss(product: Product): Promise<number> {
  await sleep(1500);
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    xs.push(product.rssKb());
    await sleep(300);
  }
  return median(xs);
}

export interface IdleResult {
  kbPerConnection: number;
  connected: number;
  failed: number;
  firstError: string | null;
}

export async function measureIdle(product: Product, n: number, workers: number): Promise<IdleResult> {
  // Warm the code paths (and the allocator) first, so the baseline is not a cold process.
  const warm = await startLoad({
    url: product.url,
    workspaceId: product.workspaceId,
    visitors: Math.min(200, n),
    workers: 1,
    mode: 'idle',
  });
  await warm.stop();
  const before = await settledRss(product);
  const load = await startLoad({
    url: product.url,
    workspaceId: product.workspaceId,
    visitors: n,
    workers,
    mode: 'idle',
    connectConcurrency: 20,
  });
  try {
    const after = await settledRss(product);
    return {
      kbPerConnection: (after - before) / Math.max(1, load.connected),
      connected: load.connected,
      failed: load.failed,
      firstError: load.firstError,
    };
  } finally {
    await load.stop();
  }
}
