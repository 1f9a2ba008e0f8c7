/**
 * The agent's suggested reply, as the dashboard asks for it: GET …/conversations/:id/copilot on
 * the demo workspace's chats (its three weeks of history, whose people's replies the copilot has
 * learned), one request at a time, after one warm-up pass that builds the workspace's indexes.
 */
import { performance } from 'node:perf_hooks';
import { api, type Session } from '../tests/load/remote';
import { BENCH_ADMIN, type Product } from './product';
import { percentile } from './stats';

/** The demo history seeds after start: wait until it holds at least this many chats. */
const DEMO_CHATS = 20;

export async function copilotMs(product: Product, requests: number): Promise<{ p50: number; p95: number }> {
  const s = await product.signIn(BENCH_ADMIN.email, BENCH_ADMIN.password);
  const session = { ...s, userId: '', workspaceId: product.workspaceId } satisfies Session;
  const list = `/api/workspaces/${product.workspaceId}/conversations?view=all&limit=200`;
  let ids: string[] = [];
  const t0 = performance.now();
  while (ids.length < DEMO_CHATS) {
    if (performance.now() - t0 > 120_000) throw new Error(`the demo history never reached ${DEMO_CHATS} chats`);
    ids = (await api<{ id: string }[]>(product.url, 'GET', list, session)).body.map((c) => c.id);
    if (ids.length < DEMO_CHATS) await new Promise((r) => setTimeout(r, 500));
  }
  const one = async (id: string) => {
    const t = performance.now();
    const res = await api(
      product.url,
      'GET',
      `/api/workspaces/${product.workspaceId}/conversations/${id}/copilot`,
      session,
    );
    if (res.status !== 200) throw new Error(`copilot answered ${res.status}`);
    return performance.now() - t;
  };
  for (const id of ids) await one(id);
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) samples.push(await one(ids[i % ids.length]));
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}
