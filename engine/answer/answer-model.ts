/**
 * The answer-or-not probability: the calibrated confidence (confidence.ts) read together with
 * what it cannot see — whether the runner-up is another section of the same page, how much of the
 * question the runner-up covers, and how far the top passage's words support the question's words,
 * synonyms included (support.ts), and whether the reranker (rerank.ts) backs the top hit or moved
 * it there past a page the fusion scored higher. A logistic regression fitted on the shop sets
 * and CLINC150's validation queries, checked leaving one shop out (scripts/tune/answer-model.ts):
 * there the ranking is good and the confidence alone
 * cannot tell a right passage from a near one, a question about something the shop does not do,
 * or a handoff topic the content half covers. Without word vectors the calibrated confidence
 * stands alone.
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { SearchHit } from '../retrieve/types';
import { CONFIDENCE_FEATURES, confidenceFeatures, confidenceOf } from './confidence';
import { echoes } from './echo';
import { rerankBelief } from './rerank';
import { pageSize, SUPPORT_FEATURES, supportFeatures } from './support';

export const ANSWER_FEATURES = [
  /** The calibrated confidence, as log-odds. */
  'confidence',
  ...CONFIDENCE_FEATURES,
  /** 1 when the runner-up is a section of the top hit's page, or repeats its text (echo.ts). */
  'samePage',
  /** The runner-up's coverage of the question. */
  'runnerCoverage',
  ...SUPPORT_FEATURES,
  /** The reranker's belief in the top hit among the best few (rerank.ts). */
  'rerank',
  /**
   * 1 when no hit of another page has a higher fused score: 0 when the reading order (the page
   * the belief favours, the reranker) put this page above one the fusion scored higher.
   */
  'fusedTop',
  /** log(1 + the chunks of the top hit's page): a long page's words support any question a little. */
  'pageSize',
  /** The reranker's belief in the top hit's page: the top hit's share and its page's siblings'. */
  'rerankPage',
] as const;

export type AnswerFeature = (typeof ANSWER_FEATURES)[number];

export interface AnswerModel {
  bias: number;
  weights: Record<AnswerFeature, number>;
}

const logit = (p: number) => {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};

/** The model's inputs for a query and its ranking (best hit first), in ANSWER_FEATURES order. */
export function answerFeatures(index: KnowledgeIndex, query: string, hits: readonly SearchHit[]): number[] {
  const [top, second] = hits;
  const base = confidenceFeatures(hits);
  // The margin is capped at 10 and mostly small: its log reads more evenly.
  base[CONFIDENCE_FEATURES.indexOf('margin')] = Math.log1p(Math.max(0, base[CONFIDENCE_FEATURES.indexOf('margin')]));
  const reranked = index.wordVectors ? rerankBelief(index, query, hits) : { top: 0, page: 0 };
  return [
    logit(confidenceOf(hits)),
    ...base,
    top && second && (second.chunk.sourceId === top.chunk.sourceId || echoes(second.chunk, top.chunk)) ? 1 : 0,
    second ? second.features.coverage : 0,
    ...supportFeatures(index, index.correct(query), top?.chunk),
    reranked.top,
    top && hits.every((h) => h.score <= top.score || h.chunk.sourceId === top.chunk.sourceId) ? 1 : 0,
    top ? Math.log1p(pageSize(index, top.chunk.sourceId)) : 0,
    reranked.page,
  ];
}

/**
 * Fitted by `npx tsx scripts/tune/shop-variants.ts OUT eval/shops && npx tsx
 * scripts/tune/answer-model.ts eval/shops,OUT/faq-html,OUT/txt,OUT/bold,OUT/csv-plain 0.035 0.01 all
 * ../shared/eval/clinc150/kb.jsonl ../shared/eval/clinc150/val.jsonl`: the seven shop sets and the
 * same shops in other shapes (an FAQ page, plain text, bold headings, a CSV without alternate
 * phrasings; a shop's variants share its weight), every question a row (one that expects a handoff
 * or an abstention is wrong when answered), and CLINC150's validation queries as one more shop.
 * Fitted on the shop sets alone, the model read a long FAQ page's support of any question as an
 * answer ("can you help me with my taxes" at 0.73 on the FAQ-page variant) and an intent set's
 * right answers as less sure than a shop's. Held-out figures in the commit.
 */
export const SHOP_ANSWER_MODEL: AnswerModel = {
  bias: -6.111,
  weights: {
    confidence: 0.148,
    probability: 1.158,
    margin: 0.048,
    classifier: 0.801,
    phrasing: -0.725,
    passage: 1.707,
    chars: -0.327,
    vector: 2.968,
    embedding: 0,
    coverage: 0.756,
    title: -0.073,
    kind: 0.287,
    faq: -0.021,
    samePage: 0.785,
    runnerCoverage: 0.005,
    chunkCover: 1.062,
    chunkLeast: 0.136,
    pageCover: 0.972,
    pageLeast: -0.074,
    shopMissing: -1.466,
    rerank: 0.893,
    fusedTop: -1.325,
    pageSize: -0.017,
    rerankPage: 1.628,
  },
};

/** The model the engine answers with; null keeps the calibrated confidence alone. */
export const ANSWER_MODEL: AnswerModel | null = SHOP_ANSWER_MODEL;

/**
 * Probability in 0..1 that the best hit answers the query; 0 when there is no hit. An index
 * without word vectors gets the calibrated confidence alone: the model was fitted with them.
 */
export function answerConfidence(
  index: KnowledgeIndex,
  query: string,
  hits: readonly SearchHit[],
  model: AnswerModel | null = ANSWER_MODEL,
): number {
  if (!hits.length) return 0;
  if (!model || !index.wordVectors) return confidenceOf(hits);
  const x = answerFeatures(index, query, hits);
  let z = model.bias;
  ANSWER_FEATURES.forEach((name, i) => (z += model.weights[name] * x[i]));
  return 1 / (1 + Math.exp(-z));
}
