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
import { rerankBelief } from './rerank';
import { SUPPORT_FEATURES, supportFeatures } from './support';

export const ANSWER_FEATURES = [
  /** The calibrated confidence, as log-odds. */
  'confidence',
  ...CONFIDENCE_FEATURES,
  /** 1 when the runner-up is a section of the top hit's page. */
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
  return [
    logit(confidenceOf(hits)),
    ...base,
    top && second && second.chunk.sourceId === top.chunk.sourceId ? 1 : 0,
    second ? second.features.coverage : 0,
    ...supportFeatures(index, index.correct(query), top?.chunk),
    index.wordVectors ? rerankBelief(index, query, hits) : 0,
    top && hits.every((h) => h.score <= top.score || h.chunk.sourceId === top.chunk.sourceId) ? 1 : 0,
  ];
}

/**
 * Fitted by `npx tsx scripts/tune/answer-model.ts eval/shops 0.035 0.01 all
 * ../shared/eval/clinc150/kb.jsonl ../shared/eval/clinc150/val.jsonl` on the seven shop sets, every
 * question a row (one that expects a handoff or an abstention is wrong when answered), and
 * CLINC150's validation queries as an eighth set of the same weight: fitted on the shops alone,
 * the model read an intent set's right answers as less sure than a shop's, and the workspace's
 * threshold (calibrate.ts) abstained on them. Held-out figures in the commit.
 */
export const SHOP_ANSWER_MODEL: AnswerModel = {
  bias: -5.66,
  weights: {
    confidence: 0.186,
    probability: 1.837,
    margin: 0.014,
    classifier: 0.806,
    phrasing: -0.697,
    passage: 1.632,
    chars: -0.28,
    vector: 3.118,
    embedding: 0,
    coverage: 0.548,
    title: -0.187,
    kind: 0.396,
    faq: -0.04,
    samePage: 1.328,
    runnerCoverage: 0.151,
    chunkCover: 0.736,
    chunkLeast: 0.233,
    pageCover: 0.991,
    pageLeast: 0.074,
    shopMissing: -1.787,
    rerank: 1.259,
    fusedTop: -1.512,
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
