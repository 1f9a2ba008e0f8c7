/**
 * Retrieval speed (steady state, after a warm-up pass) on a generated knowledge base (default 5,000 chunks of shop-like passages and
 * Q&A entries), against a plain BM25 baseline measured in the same run on the same queries.
 *   npx tsx engine/retrieve/bench.ts [chunks]
 */
import { contentStems } from './features';
import { Bm25Index } from './bm25';
import { loadDefaultWordVectors } from './dense';
import { KnowledgeIndex } from './knowledge-index';
import { mulberry32 } from './random';
import type { KnowledgeChunk } from './types';

const PRODUCTS = [
  'guitar',
  'bass',
  'drum kit',
  'cymbal',
  'amplifier',
  'pedal',
  'keyboard',
  'piano',
  'violin',
  'ukulele',
  'microphone',
  'mixer',
  'cable',
  'strap',
  'case',
  'string set',
  'snare',
  'headphones',
  'metronome',
  'tuner',
];
const BRANDS = [
  'Fender',
  'Gibson',
  'Yamaha',
  'Roland',
  'Pearl',
  'Zildjian',
  'Boss',
  'Marshall',
  'Ibanez',
  'Korg',
  'Shure',
  'Ludwig',
];
const TOPICS = [
  'shipping',
  'returns',
  'warranty',
  'repair',
  'setup',
  'financing',
  'trade-in',
  'rental',
  'lessons',
  'gift cards',
  'price match',
  'pickup',
  'assembly',
  'care',
  'cleaning',
  'storage',
];
const VERBS = [
  'covers',
  'includes',
  'excludes',
  'requires',
  'takes',
  'costs',
  'ships with',
  'comes with',
  'needs',
  'allows',
];
const DETAILS = [
  'within 30 days',
  'for two years',
  'at no extra cost',
  'for a small fee',
  'in the original box',
  'with proof of purchase',
  'by tracked courier',
  'in store only',
  'on weekdays',
  'after inspection',
  'for registered members',
  'in most countries',
];

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)];
}

/** A deterministic knowledge base of `n` chunks (one in five a Q&A entry) and queries with known answers. */
export function generateKnowledge(
  n: number,
  seed = 42,
): { chunks: KnowledgeChunk[]; queries: { query: string; id: string }[] } {
  const rand = mulberry32(seed);
  const chunks: KnowledgeChunk[] = [];
  const queries: { query: string; id: string }[] = [];
  for (let i = 0; i < n; i++) {
    const product = pick(rand, PRODUCTS);
    const brand = pick(rand, BRANDS);
    const topic = pick(rand, TOPICS);
    const sentences = Array.from({ length: 6 + Math.floor(rand() * 10) }, () => {
      return `The ${brand} ${pick(rand, PRODUCTS)} ${pick(rand, VERBS)} ${pick(rand, TOPICS)} ${pick(rand, DETAILS)}.`;
    });
    const code = `${brand.slice(0, 2).toUpperCase()}-${1000 + i}`;
    sentences.splice(
      1,
      0,
      `Model ${code}: ${topic} for the ${brand} ${product} ${pick(rand, VERBS)} ${pick(rand, DETAILS)}.`,
    );
    const id = `c${i}`;
    const faq = i % 5 === 0;
    chunks.push({
      id,
      sourceId: `s${i % 50}`,
      title: faq ? `${topic} for ${product}` : `${brand} ${product}`,
      headingPath: faq ? [] : [topic, `${brand} ${product}`],
      url: faq ? null : `https://shop.example/${topic}#${id}`,
      text: sentences.join(' '),
      questions: faq ? [`what about ${topic} for my ${product}`, `${topic} ${product} ${brand}`] : [],
      ...(faq ? { answer: sentences.slice(0, 3).join(' ') } : {}),
    });
    if (i % 10 === 0) {
      // What a customer types: the topic (with a typo every other time), the brand and product,
      // and sometimes the model code.
      const t = i % 20 === 0 ? topic.slice(0, 2) + topic.slice(3) : topic;
      queries.push({ query: `${t} for my ${brand} ${product}${i % 30 === 0 ? ` ${code.toLowerCase()}` : ''}`, id });
    }
  }
  return { chunks, queries };
}

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

if (process.argv[1]?.endsWith('bench.ts')) {
  benchRetrieval({ chunks: Number(process.argv[2] ?? 5000) })
    .then((r) => process.stdout.write(JSON.stringify(r) + '\n'))
    .catch((e: unknown) => {
      process.stderr.write(String(e) + '\n');
      process.exit(1);
    });
}
