/**
 * The second look at the best few hits: which of them answers, read with what the fusion cannot
 * see. The fused ranking scores each chunk by its own words; here each candidate is also read for
 * how far its words and its page's words support the question's, synonyms included (support.ts),
 * and how much belief its page holds among the candidates. "What happens if I leave my bike there
 * for 2 months after it's fixed" put a warranty section first on the words "bike" and "fixed";
 * the service page's "Bikes left more than 30 days after we call are charged storage" supports
 * every word of it. A linear score over the candidates, fitted as a softmax across them on the
 * shop sets, leaving one shop out to choose its strength (scripts/tune/rerank.ts).
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { SearchHit } from '../retrieve/types';
import { echoes } from './echo';
import { supportFeatures } from './support';

export const RERANK_FEATURES = [
  /** Fused score less the first candidate's. */
  'score',
  'probability',
  /** log(probability): the fused belief's ratios. */
  'logProbability',
  'classifier',
  'phrasing',
  'passage',
  'chars',
  'vector',
  'coverage',
  'title',
  'kind',
  'qa',
  /** Support of the question's words by the chunk, weighted and least (support.ts). */
  'chunkCover',
  'chunkLeast',
  /** The same by the chunk's whole page. */
  'pageCover',
  'pageLeast',
  /** Belief the candidates of the chunk's page hold together. */
  'pageMass',
] as const;

export type RerankFeature = (typeof RERANK_FEATURES)[number];
export type Reranker = Record<RerankFeature, number>;

/** How many of the best hits are read again. */
export const RERANK_HITS = 5;

/**
 * Fitted by `npx tsx scripts/tune/shop-variants.ts OUT eval/shops && npx tsx
 * scripts/tune/rerank.ts eval/shops,OUT/faq-html,OUT/txt,OUT/bold,OUT/csv-plain eval/heldout` on
 * the seven shop sets and the same shops rewritten as an FAQ page, plain text, bold headings and a
 * CSV without alternate phrasings (answerable questions, each shop weighing the same, its variants
 * sharing its weight); the L2 strength chosen leaving one shop (with its variants) out. Raw units:
 * only differences between candidates matter.
 */
export const RERANKER: Reranker = {
  score: 0.032,
  probability: 0.73,
  logProbability: 0.055,
  classifier: 0.451,
  phrasing: 0.736,
  passage: 0.722,
  chars: 0.415,
  vector: 0.665,
  coverage: 0.469,
  title: 0.31,
  kind: 0.107,
  qa: 0.094,
  chunkCover: 0.876,
  chunkLeast: 0.461,
  pageCover: 1.19,
  pageLeast: 0.522,
  pageMass: 0.55,
};

/** Each candidate's features (RERANK_FEATURES order), for the first RERANK_HITS hits. */
export function rerankFeatures(index: KnowledgeIndex, query: string, hits: readonly SearchHit[]): number[][] {
  const candidates = hits.slice(0, RERANK_HITS);
  const asked = index.correct(query);
  const mass = new Map<string, number>();
  for (const h of candidates) mass.set(h.chunk.sourceId, (mass.get(h.chunk.sourceId) ?? 0) + h.probability);
  return candidates.map((h) => {
    const [chunkCover, chunkLeast, pageCover, pageLeast] = supportFeatures(index, asked, h.chunk);
    const f = h.features;
    return [
      h.score - candidates[0].score,
      h.probability,
      Math.log(h.probability + 1e-4),
      f.classifier,
      f.phrasing,
      f.passage,
      f.chars,
      f.vector,
      f.coverage,
      f.title,
      f.kind,
      f.qa,
      chunkCover,
      chunkLeast,
      pageCover,
      pageLeast,
      mass.get(h.chunk.sourceId) ?? 0,
    ];
  });
}

/** A candidate's score under a reranker. */
export function rerankScore(x: readonly number[], reranker: Reranker = RERANKER): number {
  let z = 0;
  RERANK_FEATURES.forEach((name, i) => (z += reranker[name] * x[i]));
  return z;
}

/**
 * The belief the reranker gives the first hit, and its page: softmax shares among the first
 * RERANK_HITS (1 for a lone hit, 0 for none), its echoes counted with it. The answer model reads
 * both (answer-model.ts): a page's sections split its belief, and an answer is judged by its page.
 */
export function rerankBelief(
  index: KnowledgeIndex,
  query: string,
  hits: readonly SearchHit[],
  reranker: Reranker = RERANKER,
): { top: number; page: number } {
  if (hits.length < 2) return { top: hits.length, page: hits.length };
  const shares = rerankFeatures(index, query, hits).map((x) => rerankScore(x, reranker));
  const most = Math.max(...shares);
  const e = shares.map((z) => Math.exp(z - most));
  const sum = e.reduce((a, v) => a + v, 0);
  // An echo of the first hit (the same footer on another page) is the same answer (echo.ts).
  const echo = e.reduce((a, v, k) => a + (echoes(hits[k].chunk, hits[0].chunk) ? v : 0), 0);
  const page = e.reduce((a, v, k) => a + (hits[k].chunk.sourceId === hits[0].chunk.sourceId ? v : 0), 0);
  return { top: (e[0] + echo) / sum, page: (page + echo) / sum };
}

/**
 * The hits with the first RERANK_HITS in the reranker's order (ties keep their order), the rest as
 * they were; the same array when nothing moves. Without word vectors the order stands: the support
 * features were fitted with them.
 */
export function rerank(
  index: KnowledgeIndex,
  query: string,
  hits: SearchHit[],
  reranker: Reranker = RERANKER,
): SearchHit[] {
  if (hits.length < 2 || !index.wordVectors) return hits;
  const scores = rerankFeatures(index, query, hits).map((x) => rerankScore(x, reranker));
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  if (order.every((k, i) => k === i)) return hits;
  return [...order.map((k) => hits[k]), ...hits.slice(RERANK_HITS)];
}
