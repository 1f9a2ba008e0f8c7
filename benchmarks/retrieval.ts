/**
 * Retrieval speed (steady state, after a warm-up pass) on a generated knowledge base (default 5,000 chunks of shop-like passages and
 * Q&A entries), against a plain BM25 baseline measured in the same run on the same queries.
 *   npx tsx benchmarks/retrieval.ts [chunks]
 */
import { Bm25Index } from '../engine/retrieve/bm25';
import { loadDefaultWordVectors } from '../engine/retrieve/dense';
import { contentStems } from '../engine/retrieve/features';
import { generateKnowledge } from '../engine/retrieve/generated-kb';
import { KnowledgeIndex } from '../engine/retrieve/knowledge-index';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

/** Builds both indexes over the generated knowledge and times their queries. */
export async function benchRetrieval(
  opts: { chunks?: number; queries?: number } = {},
): Promise<Record<string, number>> {
  const { chunks, queries } = generateKnowledge(opts.chunks ?? 5000);
  const qs = queries.slice(0, opts.queries ?? 500);

  let t = performance.now();
  const index = new KnowledgeIndex({ wordVectors: await loadDefaultWordVectors() });
  index.upsert(chunks);
  index.prepare();
  const engineBuild = performance.now() - t;

  t = performance.now();
  const bm25 = new Bm25Index(
    chunks.map((c) => contentStems(`${c.headingPath.join(' ')} ${c.title} ${c.questions.join(' ')} ${c.text}`)),
    { typoWeight: 0 },
  );
  const bm25Build = performance.now() - t;

  // Steady state, as in a running server: one warm-up pass (JIT, caches) before measuring.
  for (const q of qs) index.search(q.query, 5);
  const engineMs: number[] = [];
  const bm25Ms: number[] = [];
  let engineTop1 = 0;
  let bm25Top1 = 0;
  for (const q of qs) {
    t = performance.now();
    const hits = index.search(q.query, 5);
    engineMs.push(performance.now() - t);
    if (hits[0]?.chunk.id === q.id) engineTop1++;
    t = performance.now();
    const r = bm25.search(contentStems(q.query));
    let best = -1;
    for (const d of r.touched) if (best < 0 || r.scores[d] > r.scores[best]) best = d;
    bm25Ms.push(performance.now() - t);
    if (best >= 0 && chunks[best].id === q.id) bm25Top1++;
  }
  return {
    chunks: chunks.length,
    queries: qs.length,
    engine_query_ms_p50: median(engineMs),
    engine_query_ms_p95: p95(engineMs),
    bm25_query_ms_p50: median(bm25Ms),
    bm25_query_ms_p95: p95(bm25Ms),
    engine_build_ms: Math.round(engineBuild),
    bm25_build_ms: Math.round(bm25Build),
    engine_top1: engineTop1 / qs.length,
    bm25_top1: bm25Top1 / qs.length,
    classifier: index.hasClassifier ? 1 : 0,
  };
}

if (process.argv[1]?.endsWith('retrieval.ts')) {
  benchRetrieval({ chunks: Number(process.argv[2] ?? 5000) })
    .then((r) => process.stdout.write(JSON.stringify(r) + '\n'))
    .catch((e: unknown) => {
      process.stderr.write(String(e) + '\n');
      process.exit(1);
    });
}
