/**
 * The answer engine on its own, in this process: query time on a generated 5,000-chunk knowledge
 * base, and HTML pages ingested per second (parse → chunk). Imported lazily, so the rest of the
 * bench still runs while the engine is being changed.
 */
import { performance } from 'node:perf_hooks';
import { benchRetrieval } from './retrieval';
import { percentile } from './stats';

interface Chunk {
  id: string;
  sourceId: string;
  title: string;
  headingPath: string[];
  url: string | null;
  text: string;
  questions: string[];
  answer?: string;
}
interface IndexLike {
  upsert(chunks: readonly Chunk[]): void;
  prepare?(): void;
  search(query: string, k?: number): unknown[];
}
interface EngineLike {
  KnowledgeIndex?: new () => IndexLike;
  parseSource?: (input: { filename: string; bytes: Uint8Array; contentType?: string }) => Promise<unknown>;
  chunkDocument?: (doc: unknown, opts: { sourceId: string; url?: string }) => unknown[];
}

const PRODUCTS = [
  'acoustic guitar',
  'electric guitar',
  'bass guitar',
  'ukulele',
  'drum kit',
  'snare drum',
  'cymbal',
  'keyboard',
  'digital piano',
  'violin',
  'cello',
  'trumpet',
  'saxophone',
  'flute',
  'amplifier',
  'effects pedal',
  'microphone',
  'audio interface',
  'studio monitor',
  'headphones',
  'guitar strings',
  'drumsticks',
  'capo',
  'tuner',
  'metronome',
];
const BRANDS = [
  'Fender',
  'Gibson',
  'Yamaha',
  'Ibanez',
  'Roland',
  'Korg',
  'Pearl',
  'Zildjian',
  'Boss',
  'Shure',
  'Focusrite',
  'Martin',
  'Taylor',
  'Epiphone',
  'Squier',
  'Casio',
  'Ludwig',
  'Selmer',
  'Stentor',
  'Marshall',
];
const TOPICS: [string, (p: string, b: string) => string, (p: string, b: string) => string][] = [
  [
    'Warranty',
    (p, b) => `What warranty comes with a ${b} ${p}?`,
    (p, b) =>
      `Every ${b} ${p} we sell carries the maker's two-year warranty; we handle the claim in store and lend a replacement while it is repaired.`,
  ],
  [
    'Setup',
    (p, b) => `Do you set up a ${b} ${p} before shipping?`,
    (p, b) =>
      `Yes. Our technicians inspect and adjust each ${b} ${p}: action, intonation and hardware are checked before it leaves the workshop.`,
  ],
  [
    'Rental',
    (p, b) => `Can I rent a ${b} ${p}?`,
    (p, b) => `A ${b} ${p} can be rented by the month; rent paid in the first six months counts toward buying it.`,
  ],
  [
    'Trade-in',
    (p, b) => `Do you take a used ${b} ${p} in trade?`,
    (p, b) =>
      `We value a used ${b} ${p} in store within fifteen minutes and give store credit, or cash at a lower rate.`,
  ],
  [
    'Care',
    (p, b) => `How do I look after my ${b} ${p}?`,
    (p, b) =>
      `Keep your ${b} ${p} away from heaters and damp rooms, wipe it after playing, and bring it in for a yearly check-up.`,
  ],
  [
    'Stock',
    (p, b) => `Is the ${b} ${p} in stock?`,
    (p, b) =>
      `Stock of the ${b} ${p} is shown on its product page and updated hourly; we can order one in within a week.`,
  ],
  [
    'Lessons',
    (p) => `Do you teach the ${p}?`,
    (p) =>
      `Lessons for the ${p} run weekly for beginners and improvers, thirty or sixty minutes, and the first one is free.`,
  ],
  [
    'Repairs',
    (p, b) => `Can you repair my ${b} ${p}?`,
    (p, b) => `Our workshop repairs ${b} ${p} models: quotes are free, most jobs take three to five working days.`,
  ],
];

/** A shop-like knowledge base: product × brand × topic Q&A entries and passages. */
export function generateKnowledge(n: number): { chunks: Chunk[]; queries: string[] } {
  const chunks: Chunk[] = [];
  const queries: string[] = [];
  for (let i = 0; chunks.length < n; i++) {
    const p = PRODUCTS[i % PRODUCTS.length];
    const b = BRANDS[Math.floor(i / PRODUCTS.length) % BRANDS.length];
    const [topic, q, a] = TOPICS[Math.floor(i / (PRODUCTS.length * BRANDS.length)) % TOPICS.length];
    const question = q(p, b);
    const answer = a(p, b);
    const isQa = i % 3 !== 0;
    chunks.push({
      id: `c${i}`,
      sourceId: `s${i % 50}`,
      title: isQa ? question : `${b} ${p}: ${topic.toLowerCase()}`,
      headingPath: isQa ? [] : [topic, `${b} ${p}`],
      url: isQa ? null : `https://shop.example/${topic.toLowerCase()}/${i}`,
      text: answer,
      questions: isQa ? [question] : [],
      ...(isQa ? { answer } : {}),
    });
    if (i % 7 === 0)
      queries.push(
        question
          .toLowerCase()
          .replace(/^(do|can|is|what) /, '')
          .replace(/\?$/, ''),
      );
  }
  return { chunks, queries };
}

/** A product page as a shop's site would serve it. */
function htmlPage(i: number): string {
  const p = PRODUCTS[i % PRODUCTS.length];
  const b = BRANDS[i % BRANDS.length];
  const sections = TOPICS.map(([topic, q, a]) => `<h2>${topic}</h2><p>${a(p, b)}</p><p>${q(p, b)} ${a(p, b)}</p>`).join(
    '\n',
  );
  return `<!doctype html><html><head><title>${b} ${p} — Riff &amp; Rhythm</title></head><body>
<header><nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/contact">Contact</a></nav></header>
<main><article><h1>${b} ${p}</h1><p>The ${b} ${p} is one of our most asked-about instruments. Here is what customers want to know.</p>
${sections}</article></main><footer><p>© Riff &amp; Rhythm. 12 Chord Street.</p></footer></body></html>`;
}

async function loadEngine(): Promise<EngineLike | null> {
  const tryImport = async (path: string) => {
    try {
      return (await import(path)) as EngineLike;
    } catch {
      return null;
    }
  };
  const engine = await tryImport('../engine/index');
  // While the engine's public index is being assembled, reach its parts directly.
  const ingest = engine?.parseSource ? engine : await tryImport('../engine/ingest/index');
  const retrieve = engine?.KnowledgeIndex ? engine : await tryImport('../engine/retrieve/knowledge-index');
  return {
    KnowledgeIndex: retrieve?.KnowledgeIndex,
    parseSource: ingest?.parseSource,
    chunkDocument: ingest?.chunkDocument,
  };
}

/** Median time of one search on a `chunks`-sized index (built and warmed beforehand). */
export async function engineQueryMs(chunks: number, queries: number): Promise<number> {
  const r = await benchRetrieval({ chunks, queries });
  const p50 = r.engine_query_ms_p50;
  if (typeof p50 === 'number') return p50;
  const engine = await loadEngine();
  if (!engine?.KnowledgeIndex) return Number.NaN;
  const kb = generateKnowledge(chunks);
  const index = new engine.KnowledgeIndex();
  index.upsert(kb.chunks);
  index.prepare?.();
  const qs = Array.from({ length: queries }, (_, i) => kb.queries[(i * 31) % kb.queries.length]);
  for (const q of qs.slice(0, 20)) index.search(q, 5);
  const times = qs.map((q) => {
    const t0 = performance.now();
    index.search(q, 5);
    return performance.now() - t0;
  });
  return percentile(times, 50);
}

/** HTML pages per second through the engine's ingestion (parse → chunk), one after another. */
export async function ingestPagesPerSecond(pages: number): Promise<number> {
  const engine = await loadEngine();
  if (!engine?.parseSource || !engine.chunkDocument) return Number.NaN;
  const docs = Array.from({ length: pages }, (_, i) => new TextEncoder().encode(htmlPage(i)));
  const run = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const doc = await engine.parseSource!({ filename: `page-${i}.html`, bytes: docs[i], contentType: 'text/html' });
      engine.chunkDocument!(doc, { sourceId: 's', url: `https://shop.example/p/${i}` });
    }
  };
  await run(Math.min(10, pages));
  const t0 = performance.now();
  await run(pages);
  return pages / ((performance.now() - t0) / 1000);
}
