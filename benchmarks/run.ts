/**
 * `chatref bench`: the product's speed on this machine, with the offline engine. The server under
 * load is always a separate process; simulated visitors run in worker processes. Each figure that
 * involves the database is measured on the embedded one and, when a PostgreSQL server answers,
 * again on PostgreSQL (suffix `_pg`). Progress goes to stderr; the figures are returned.
 */
import { performance } from 'node:perf_hooks';
import { connectVisitor } from '../tests/clients';
import { ensureBuilt } from '../scripts/ensure-built.mjs';
import { bundleSizes } from './bundles';
import { copilotMs } from './copilot';
import { burst, capacityCurve, type Target } from './capacity';
import { engineQueryMs, ingestPagesPerSecond } from './engine';
import { measureFanout } from './fanout';
import { measureIdle } from './idle';
import { startEchoServer } from './load/echo';
import { PLAN } from './plan';
import { turnFigures } from './turn';
import type { ChatResult } from './load/protocol';
import { startLoad } from './load/run-load';
import { knowledgeScale, manyShops } from './knowledge-scale';
import { createStore, postgresBase, startProduct, type Product, type StoreKind } from './product';
import { loadavg } from 'node:os';
import { tempDir } from '../tests/process';
import { percentile, round } from './stats';

export interface BenchOptions {
  json?: boolean;
  quick?: boolean;
  /** Only this store (e.g. to profile it); both by default. */
  store?: 'embedded' | 'postgres';
  /** Chatting visitors instead of the plan's (to find where a store saturates). */
  visitors?: number;
  /** Only these parts (see PARTS); all by default. */
  parts?: Part[];
  /** The capacity curve's steps (visitors), its step's length and the burst's, in seconds. */
  steps?: number[];
  stepS?: number;
  burstS?: number;
}

/** The bench's parts, to run a few at a time (each alone fits in a few minutes). */
export const PARTS = [
  'classic',
  'engine',
  'anchor',
  'floor',
  'first',
  'curve',
  'burst',
  'two',
  'knowledge',
  'shops',
] as const;
export type Part = (typeof PARTS)[number];

type Figures = Record<string, number | string>;

/** The targets from the benchmarks issue; a figure is "met" when `ok` holds. */
const TARGETS: Record<string, { text: string; ok: (v: number, f: Figures) => boolean }> = {
  reply_ms_p99: { text: '≤ 100 and ≤ 3× echo', ok: (v, f) => v <= 100 && v <= 3 * Number(f.echo_ms_p99) },
  handoff_fanout_ms_p99: { text: '≤ 50', ok: (v) => v <= 50 },
  idle_conn_kb: { text: '≤ 30', ok: (v) => v <= 30 },
  engine_query_ms_p50: { text: '≤ 2', ok: (v) => v <= 2 },
  ingest_pages_per_s: { text: '≥ 100', ok: (v) => v >= 100 },
  loader_gz_kb: { text: '≤ 5', ok: (v) => v <= 5 },
  chat_gz_kb: { text: '≤ 40', ok: (v) => v <= 40 },
  start_ms: { text: '≤ 3000', ok: (v) => v <= 3000 },
  copilot_ms_p95: { text: '≤ 50', ok: (v) => v <= 50 },
};

const AGENTS = 20;
/** The workspace id the anchors' visitors name (the echo servers have no workspaces). */
const ANCHOR_WORKSPACE = '00000000-0000-4000-8000-000000000000';
const INTERVAL_MS = 5000;

const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

/** Runs one part of the bench; a part that fails is reported and left out, the others still run. */
async function part(name: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    log(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

type Plan = (typeof PLAN)['full'];

function chatFigures(prefix: string, suffix: string, r: ChatResult, f: Figures) {
  f[`${prefix}_ms_p50${suffix}`] = round(percentile(r.latencies, 50));
  f[`${prefix}_ms_p99${suffix}`] = round(percentile(r.latencies, 99));
  f[`${prefix}_replies${suffix}`] = r.replied;
  f[`${prefix}_lost${suffix}`] = r.lost + Object.values(r.errors).reduce((s, n) => s + n, 0);
  if (prefix === 'reply') {
    f[`ack_ms_p99${suffix}`] = round(percentile(r.ackLatencies, 99));
    f[`reply_handoffs${suffix}`] = r.handoffs;
  }
  if (Object.keys(r.errors).length) log(`${prefix}${suffix} errors: ${JSON.stringify(r.errors)}`);
  const slow = slowSeconds(r, 100);
  if (slow) log(`${prefix}${suffix}: replies over 100 ms, by the second of the load they were sent in: ${slow}`);
}

/** Where in the load the slow replies were sent ("12s: 40, 13s: 7, …"): a stall, or spread out? */
function slowSeconds(r: ChatResult, overMs: number): string {
  const bySecond = new Map<number, number>();
  r.latencies.forEach((ms, i) => {
    if (ms <= overMs) return;
    const s = Math.floor((r.sentAt[i] ?? 0) / 1000);
    bySecond.set(s, (bySecond.get(s) ?? 0) + 1);
  });
  return [...bySecond]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s}s: ${n}`)
    .join(', ');
}

/** Visitors sending every 5 s against `url` for `durationMs`, from worker processes. */
async function chatLoad(
  url: string,
  workspaceId: string,
  plan: Plan,
  durationMs = plan.durationMs,
): Promise<ChatResult> {
  const load = await startLoad({
    url,
    workspaceId,
    visitors: plan.visitors,
    workers: plan.chatWorkers,
    mode: 'chat',
    intervalMs: INTERVAL_MS,
    durationMs,
  });
  try {
    if (load.failed) log(`${load.failed} visitors could not connect: ${load.firstError}`);
    return await load.go();
  } finally {
    await load.stop();
  }
}

async function benchStore(kind: StoreKind, pgBase: string | null, plan: Plan, f: Figures, has: (p: Part) => boolean) {
  const sfx = kind === 'postgres' ? '_pg' : '';
  const store = await createStore(kind, pgBase);
  try {
    if (has('anchor')) {
      log(`${kind}: store-and-echo anchor, ${plan.visitors} visitors (load ${loadavg()[0].toFixed(1)})`);
      await part(`${kind} store-and-echo`, async () => {
        // The embedded store is one process's: the anchor gets a data directory of its own.
        const env = kind === 'pglite' ? { CHATREF_DATA_DIR: tempDir('chatref-store-echo-') } : store.env;
        const echo = await startEchoServer(env);
        try {
          chatFigures('store_echo', sfx, await chatLoad(echo.url, ANCHOR_WORKSPACE, plan), f);
          f[`store_echo_load1${sfx}`] = round(loadavg()[0]);
        } finally {
          await echo.stop();
        }
      });
    }
    if (has('floor')) {
      log(`${kind}: the store-and-echo floor's own curve, ${plan.steps.join('/')} visitors`);
      await part(`${kind} floor curve`, async () => {
        const env = kind === 'pglite' ? { CHATREF_DATA_DIR: tempDir('chatref-store-echo-') } : store.env;
        const echo = await startEchoServer(env);
        try {
          // What any chat that keeps its messages holds on this machine, beside the same load generators.
          const c = await capacityCurve([echo], ANCHOR_WORKSPACE, plan.steps, plan.stepMs, log);
          for (const step of c.steps)
            for (const [k, v] of Object.entries(step))
              if (k !== 'visitors' && k !== 'held') f[`floor_${step.visitors}_${k}${sfx}`] = v;
          f[`capacity_store_echo${sfx}`] = c.capacity;
        } finally {
          await echo.stop();
        }
      });
    }
    log(`${kind}: first start on a fresh store`);
    const t0 = performance.now();
    const first = await startProduct(store);
    f[`start_ms${sfx}`] = round(first.startMs, 0);
    if (has('first'))
      await part(`${kind} first answer`, async () => {
        f[`first_answer_ms${sfx}`] = round(await firstAnswerMs(first, t0), 0);
      });
    // Agents are added straight into the database; the embedded one is only open in one process.
    await first.stop();
    const agentEmails = await store.addAgents(AGENTS);
    const t1 = performance.now();
    const product = await startProduct(store);
    if (has('first'))
      await part(`${kind} first answer after a restart`, async () => {
        f[`first_answer_restart_ms${sfx}`] = round(await firstAnswerMs(product, t1), 0);
      });
    try {
      if (has('classic')) await classic(kind, sfx, plan, f, product, agentEmails);
      let capacity = 0;
      if (has('curve') || has('burst')) {
        if (!has('classic')) {
          // The curve is about a warm server: the index built and the hot paths compiled first.
          await firstReplyMs(product);
          await chatLoad(product.url, product.workspaceId, { ...plan, visitors: 100 }, 5000);
        }
        if (has('curve')) capacity = await curve(kind, sfx, '', [product], product.workspaceId, plan, f);
        else capacity = plan.steps[0];
      }
      if (has('burst')) {
        const visitors = 2 * (capacity || plan.steps[0]);
        log(`${kind}: burst of ${visitors} visitors (2× ${capacity || plan.steps[0]}) for ${plan.burstMs / 1000} s`);
        await part(`${kind} burst`, async () => {
          const b = await burst(
            [product],
            product.workspaceId,
            { visitors, burstMs: plan.burstMs, afterMs: plan.afterMs, probeVisitors: plan.probe },
            log,
          );
          for (const [k, v] of Object.entries(b)) f[`burst_${k}${sfx}`] = v;
        });
      }
      if (has('two') && kind === 'postgres') {
        log(`${kind}: a second instance on the same database; the curve with load spread over both`);
        const second = await startProduct(store);
        try {
          await firstReplyMs(second);
          await curve(kind, sfx, '2', [product, second], product.workspaceId, plan, f);
        } finally {
          await second.stop();
        }
      }
      f[`server_rss_mb${sfx}`] = round(product.rssKb() / 1024, 0);
    } finally {
      await product.stop();
    }
  } finally {
    await store.dispose();
  }
}

/** The curve on `targets`; its steps as flat figures (`curve<n>_<visitors>_…`), returns the capacity. */
async function curve(
  kind: StoreKind,
  sfx: string,
  n: '' | '2',
  targets: Target[],
  workspaceId: string,
  plan: Plan,
  f: Figures,
): Promise<number> {
  log(
    `${kind}: capacity curve on ${targets.length} instance(s), ${plan.steps.join('/')} visitors, ${plan.stepMs / 1000} s each`,
  );
  let capacity = 0;
  await part(`${kind} capacity curve`, async () => {
    const c = await capacityCurve(targets, workspaceId, plan.steps, plan.stepMs, log);
    capacity = c.capacity;
    for (const step of c.steps)
      for (const [k, v] of Object.entries(step))
        if (k !== 'visitors' && k !== 'held') f[`curve${n}_${step.visitors}_${k}${sfx}`] = v;
  });
  f[`capacity_visitors${n ? `_${n}x` : ''}${sfx}`] = capacity;
  return capacity;
}

/** The figures from before the curve: idle connections, replies cold and warm, the handoff fan-out. */
async function classic(
  kind: StoreKind,
  sfx: string,
  plan: Plan,
  f: Figures,
  product: Product,
  agentEmails: string[],
): Promise<void> {
  // First, on a server that has done nothing yet: garbage from a load would be collected
  // during the measurement and hide the connections' own memory.
  log(`${kind}: ${plan.idle} idle visitor connections`);
  await part(`${kind} idle connections`, async () => {
    const idle = await measureIdle(product, plan.idle, plan.idleWorkers);
    f[`idle_conn_kb${sfx}`] = round(idle.kbPerConnection);
    if (idle.failed) log(`${idle.failed} idle connections failed: ${idle.firstError}`);
  });
  log(
    `${kind}: ${plan.visitors} visitors, one message every ${INTERVAL_MS / 1000} s for ${plan.coldMs / 1000} s ` +
      `on the just-started server, then ${plan.visitors} new ones for ${plan.durationMs / 1000} s`,
  );
  // The first question builds the workspace's index (once per start): timed on its own, so
  // the load measures the steady state.
  await part(`${kind} first reply`, async () => (f[`first_reply_ms${sfx}`] = round(await firstReplyMs(product), 0)));
  // The agent's suggested reply on the demo workspace, before any load adds chats to it.
  await part(`${kind} copilot`, async () => {
    const c = await copilotMs(product, plan.copilot);
    f[`copilot_ms_p50${sfx}`] = round(c.p50);
    f[`copilot_ms_p95${sfx}`] = round(c.p95);
  });
  // A just-started server is slow for its first seconds of load (V8 compiles the hot paths,
  // PGlite's WebAssembly included, as they warm up): measured on its own as `reply_cold`, then
  // the steady state with as many new visitors again, which the targets are about.
  await part(`${kind} replies, cold`, async () =>
    chatFigures('reply_cold', sfx, await chatLoad(product.url, product.workspaceId, plan, plan.coldMs), f),
  );
  await part(`${kind} replies`, async () => {
    chatFigures('reply', sfx, await chatLoad(product.url, product.workspaceId, plan), f);
    f[`reply_load1${sfx}`] = round(loadavg()[0]);
  });
  log(`${kind}: ${plan.handoffs} handoffs to ${AGENTS} agents`);
  await part(`${kind} fan-out`, async () => {
    const fan = await measureFanout(product, agentEmails, plan.handoffs);
    f[`handoff_fanout_ms_p50${sfx}`] = round(percentile(fan.samples, 50));
    f[`handoff_fanout_ms_p99${sfx}`] = round(percentile(fan.samples, 99));
    f[`handoff_ack_ms_p50${sfx}`] = round(percentile(fan.acks, 50));
    if (fan.failed) f[`handoff_fanout_failed${sfx}`] = fan.failed;
  });
}

/**
 * From `t0` (before the server was started) to the first real answer on the demo: a visitor asks
 * a question the demo's pages answer; until the index is in, the bot may not know yet, so a
 * visitor that got no cited answer is replaced by another one a moment later.
 */
async function firstAnswerMs(product: { url: string; workspaceId: string }, t0: number): Promise<number> {
  for (let i = 0; performance.now() - t0 < 240_000; i++) {
    const v = await connectVisitor(product.url, product.workspaceId);
    try {
      const ack = await v.send('How long does shipping take?');
      if (!ack.ok) throw new Error(ack.error.message);
      // The first turn waits for the index (and, on a fresh store, the demo's pages): minutes under load.
      const m = await v.next((x) => x.author.type !== 'visitor' && x.seq > ack.data.seq, 180_000);
      if (m.author.type === 'bot' && (m.meta.citations?.length ?? 0) > 0) return performance.now() - t0;
    } finally {
      v.close();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no answer within four minutes of the start');
}

/** One visitor, one question, on a server that has not answered anything yet. */
async function firstReplyMs(product: { url: string; workspaceId: string }): Promise<number> {
  const v = await connectVisitor(product.url, product.workspaceId);
  try {
    const t0 = performance.now();
    const ack = await v.send('How long does shipping take?');
    if (!ack.ok) throw new Error(ack.error.message);
    await v.next((m) => m.author.type !== 'visitor' && m.seq > ack.data.seq, 60_000);
    return performance.now() - t0;
  } finally {
    v.close();
  }
}

/** Adds the target and a verdict to each figure that has one, for people reading the table. */
function forPeople(f: Figures): Figures {
  const out: Figures = {};
  for (const [k, v] of Object.entries(f)) {
    const target = TARGETS[k.replace(/_pg$/, '')];
    out[k] =
      target && typeof v === 'number' && Number.isFinite(v)
        ? `${v}   (target ${target.text}: ${target.ok(v, f) ? 'met' : 'MISSED'})`
        : v;
  }
  return out;
}

export async function runBench(opts: BenchOptions = {}): Promise<Figures> {
  const plan: Plan = {
    ...(opts.quick ? PLAN.quick : PLAN.full),
    ...(opts.visitors ? { visitors: opts.visitors } : {}),
    ...(opts.steps?.length ? { steps: opts.steps } : {}),
    ...(opts.stepS ? { stepMs: opts.stepS * 1000 } : {}),
    ...(opts.burstS ? { burstMs: opts.burstS * 1000 } : {}),
  };
  const has = (p: Part) => !opts.parts?.length || opts.parts.includes(p);
  const t0 = Date.now();
  const f: Figures = {
    mode: opts.quick ? 'quick' : 'full',
    visitors: plan.visitors,
    load1_at_start: round(loadavg()[0]),
  };

  // The server is measured as `npm start` runs it: built (and rebuilt if a source changed).
  await ensureBuilt();
  if (has('classic')) {
    log('bundle sizes');
    Object.assign(
      f,
      Object.fromEntries(Object.entries(bundleSizes(process.cwd(), log)).map(([k, v]) => [k, round(v, 2)])),
    );
  }
  if (has('classic') || has('engine')) {
    log("engine: query time on 5,000 chunks, HTML ingestion, the bot's turn on the demo");
    await part('engine query', async () => (f.engine_query_ms_p50 = round(await engineQueryMs(5000, plan.queries), 3)));
    await part('ingestion', async () => (f.ingest_pages_per_s = round(await ingestPagesPerSecond(plan.pages), 0)));
    await part('turn', async () => Object.assign(f, await turnFigures(plan.turnRounds)));
  }
  if (has('knowledge')) {
    log(`knowledge size: ${plan.chunkSizes.join('/')} chunks`);
    await part('knowledge size', async () =>
      Object.assign(f, await knowledgeScale(plan.chunkSizes, plan.queries, log)),
    );
  }
  if (has('shops')) {
    log(`many shops: ${plan.shops.join('/')} workspaces of the demo's size on one instance`);
    await part('many shops', async () => Object.assign(f, await manyShops(plan.shops, log)));
  }

  if (has('classic') || has('anchor')) {
    log(`echo baseline: ${plan.visitors} visitors against a bare Socket.IO server`);
    await part('echo baseline', async () => {
      const echo = await startEchoServer();
      try {
        chatFigures('echo', '', await chatLoad(echo.url, ANCHOR_WORKSPACE, plan), f);
      } finally {
        await echo.stop();
      }
    });
  }

  const stores = ['classic', 'anchor', 'first', 'curve', 'burst', 'two'].some((p) => has(p as Part));
  if (stores && opts.store !== 'postgres')
    await part('embedded database', () => benchStore('pglite', null, plan, f, has));
  const pgBase = !stores || opts.store === 'embedded' ? null : await postgresBase();
  if (pgBase) await part('PostgreSQL', () => benchStore('postgres', pgBase, plan, f, has));
  else if (stores && opts.store !== 'embedded') log('no PostgreSQL server answered: skipping the _pg figures');
  // Reply p99 against the floor of any chat that keeps its messages (same load, same store).
  for (const sfx of ['', '_pg'])
    if (typeof f[`reply_ms_p99${sfx}`] === 'number' && typeof f[`store_echo_ms_p99${sfx}`] === 'number')
      f[`reply_to_store_echo${sfx}`] = round(Number(f[`reply_ms_p99${sfx}`]) / Number(f[`store_echo_ms_p99${sfx}`]), 2);
  f.load1_at_end = round(loadavg()[0]);

  f.bench_s = round((Date.now() - t0) / 1000, 0);
  // Not-a-number figures (a part of the product that is missing) are left out of the JSON.
  for (const [k, v] of Object.entries(f)) if (typeof v === 'number' && !Number.isFinite(v)) delete f[k];
  return opts.json ? f : forPeople(f);
}
