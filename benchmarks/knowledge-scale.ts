/**
 * How the cost grows with a shop's knowledge and with the number of shops, in this process:
 * - knowledge size: generated shop knowledge of 100 … 50,000 chunks, each built into the product's
 *   index (word vectors, classifier trained here): build time, memory, search p50/p99;
 * - many shops: the demo's knowledge copied into 10 … 1,000 workspaces of one embedded database,
 *   served by the product's `Knowledge` under its memory bound: memory per loaded index, how many
 *   stay loaded, and the time to load one that is not in memory (first question of that shop).
 * Memory is the heap and buffers after a full collection, with and without the indexes.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { loadDemoKnowledge } from '../demo/knowledge';
import { KnowledgeIndex, loadDefaultWordVectors } from '../engine';
import { indexBytes, Knowledge } from '../server/bot/knowledge';
import { makeDeps, makeWorkspace } from '../tests/factories';
import { generateKnowledge } from './engine';
import { percentile, round } from './stats';

type Figures = Record<string, number>;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Live memory after a full collection, in MB. */
function liveMb(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
}

/** Build time, memory and search time of the index at each knowledge size. */
export async function knowledgeScale(sizes: number[], queries: number, log: (s: string) => void): Promise<Figures> {
  const f: Figures = {};
  const wordVectors = await loadDefaultWordVectors();
  for (const n of sizes) {
    const kb = generateKnowledge(n);
    const before = liveMb();
    const t0 = performance.now();
    let index: KnowledgeIndex | null = new KnowledgeIndex({ wordVectors });
    index.upsert(kb.chunks);
    index.prepare();
    await index.prepared();
    const buildS = (performance.now() - t0) / 1000;
    const memMb = liveMb() - before;
    const qs = Array.from({ length: queries }, (_, i) => kb.queries[(i * 31) % kb.queries.length]);
    for (const q of qs.slice(0, 20)) index.search(q, 5);
    const times = qs.map((q) => {
      const t = performance.now();
      index!.search(q, 5);
      return performance.now() - t;
    });
    f[`knowledge_${n}_build_s`] = round(buildS, 2);
    f[`knowledge_${n}_mb`] = round(memMb, 1);
    f[`knowledge_${n}_query_ms_p50`] = round(percentile(times, 50), 2);
    f[`knowledge_${n}_query_ms_p99`] = round(percentile(times, 99), 2);
    f[`knowledge_${n}_estimate_mb`] = round(indexBytes(index) / 1048576, 1);
    log(
      `  ${n} chunks: ${JSON.stringify(Object.fromEntries(Object.entries(f).filter(([k]) => k.includes(`_${n}_`))))}`,
    );
    index = null;
    // A size that took minutes would make the next (5–10× larger) take far too long here.
    if (buildS > 60) {
      log(`  ${n} chunks took ${Math.round(buildS)} s to build: larger sizes skipped`);
      break;
    }
  }
  return f;
}

/** Copies the template workspace's knowledge (sources, documents, chunks, stored model) into `ids`. */
async function copyKnowledge(db: import('../db/client').Db, template: string, count: number): Promise<string[]> {
  await db.execute(
    sql`insert into workspaces (slug, name) select 'bench-shop-' || g, 'Bench shop ' || g from generate_series(1, ${count}) g`,
  );
  // Ids keep the template's order (a new last 12 digits per shop): the same knowledge then makes
  // the same training job, whose stored model every copy shares, as identical shops would.
  const shops = sql.raw(`(select id, lpad(to_hex(row_number() over (order by id)::int), 12, '0') as suffix
      from workspaces where slug like 'bench-shop-%')`);
  for (const table of ['knowledge_sources', 'knowledge_documents', 'knowledge_chunks', 'knowledge_models']) {
    const res = await db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = ${table} order by ordinal_position`,
    );
    const cols = (
      (res as unknown as { rows?: { column_name: string }[] }).rows ?? (res as unknown as { column_name: string }[])
    ).map((r) => r.column_name);
    const expr = (c: string) =>
      c === 'workspace_id'
        ? 'w.id'
        : c === 'id' || c === 'source_id' || c === 'document_id'
          ? `(substr(t.${c}::text, 1, 24) || w.suffix)::uuid`
          : `t.${c}`;
    await db.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(cols.join(', '))})
          select ${sql.raw(cols.map(expr).join(', '))} from ${sql.raw(table)} t cross join ${shops} w
          where t.workspace_id = ${template}`,
    );
  }
  const rows = await db.execute<{ id: string }>(
    sql`select id from workspaces where slug like 'bench-shop-%' order by slug`,
  );
  return ((rows as unknown as { rows?: { id: string }[] }).rows ?? (rows as unknown as { id: string }[])).map(
    (r) => r.id,
  );
}

/**
 * Shops of the demo's size on one instance: for each count, `asked` of them (spread over all)
 * ask their first question with the indexes bounded to `cacheMb`.
 */
export async function manyShops(
  counts: number[],
  log: (s: string) => void,
  opts: { cacheMb?: number; asked?: number } = {},
): Promise<Figures> {
  const cacheMb = opts.cacheMb ?? 64;
  const f: Figures = {};
  const handle = await openDatabase({ driver: 'pglite', dataDir: null, thread: true });
  try {
    const deps = makeDeps(handle.db);
    const template = (await makeWorkspace(deps)).workspace.id;
    const setup = new Knowledge(deps);
    await loadDemoKnowledge(setup, template);
    const index = await setup.index(template);
    await index.prepared();
    f.shops_demo_chunks = index.size;
    const max = Math.max(...counts);
    const t0 = performance.now();
    const ids = [template, ...(await copyKnowledge(handle.db, template, max - 1))];
    log(`  ${max} shops of ${index.size} chunks written in ${Math.round(performance.now() - t0)} ms`);
    for (const count of counts) {
      const knowledge = new Knowledge(deps, undefined, {}, null, null, undefined, { maxMb: cacheMb, idleMs: 0 });
      await knowledge.answer(template, 'warm-up', null);
      const before = liveMb();
      const sample = Math.min(count, opts.asked ?? 20);
      const loads: number[] = [];
      const builds: number[] = [];
      for (let i = 0; i < sample; i++) {
        const id = ids[1 + Math.floor((i * (count - 1)) / sample)] ?? template;
        const t = performance.now();
        // Where a load goes: the index read and built (its classifier read back), then the
        // first answer, which calibrates the shop's threshold on its content.
        await (await knowledge.index(id)).prepared();
        builds.push(performance.now() - t);
        await knowledge.answer(id, 'How long does shipping take?', null);
        loads.push(performance.now() - t);
      }
      const grew = liveMb() - before;
      const { workspaces, bytes } = knowledge.loaded();
      f[`shops_${count}_asked`] = sample;
      f[`shops_${count}_loaded`] = workspaces;
      f[`shops_${count}_memory_mb`] = round(grew, 1);
      f[`shops_${count}_index_mb`] = round(grew / Math.max(1, workspaces - 1), 2);
      f[`shops_${count}_estimate_mb`] = round(bytes / 1048576 / Math.max(1, workspaces), 2);
      f[`shops_${count}_load_ms_p50`] = round(percentile(loads, 50), 1);
      f[`shops_${count}_load_ms_p99`] = round(percentile(loads, 99), 1);
      f[`shops_${count}_build_ms_p50`] = round(percentile(builds, 50), 1);
      log(
        `  ${count} shops: ${JSON.stringify(Object.fromEntries(Object.entries(f).filter(([k]) => k.startsWith(`shops_${count}_`))))}`,
      );
    }
    f.shops_cache_mb = cacheMb;
  } finally {
    await handle.close();
  }
  return f;
}
