/**
 * The answer-or-not probability: the calibrated confidence (confidence.ts) read together with
 * what it cannot see — whether the runner-up is another section of the same page, how much of the
 * question the runner-up covers, and how far the top passage's words support the question's words,
 * synonyms included (support.ts). A logistic regression fitted on the shop sets, checked leaving
 * one shop out (scripts/tune/answer-model.ts): there the ranking is good and the confidence alone
 * cannot tell a right passage from a near one, a question about something the shop does not do,
 * or a handoff topic the content half covers. Without word vectors the calibrated confidence
 * stands alone.
 */
import type { KnowledgeIndex } from '../retrieve/knowledge-index';
import type { SearchHit } from '../retrieve/types';
import { CONFIDENCE_FEATURES, confidenceFeatures, confidenceOf } from './confidence';
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
  ];
}

/**
 * Fitted by `npx tsx scripts/tune/answer-model.ts eval/shops 0.035 0.01 all` on the seven shop
 * sets, every question a row (one that expects a handoff or an abstention is wrong when
 * answered); held-out figures in the commit.
 */
export const SHOP_ANSWER_MODEL: AnswerModel = {
  bias: -6.595,
  weights: {
    confidence: 0.302,
    probability: 2.711,
    margin: 0.115,
    classifier: 0.355,
    phrasing: -0.843,
    passage: 2.027,
    chars: -0.971,
    vector: 2.201,
    embedding: 0,
    coverage: 1.457,
    title: -0.922,
    kind: 0.16,
    faq: 0.478,
    samePage: 0.928,
    runnerCoverage: -0.893,
    chunkCover: 1.537,
    chunkLeast: 0.168,
    pageCover: 1.196,
    pageLeast: 0.038,
    shopMissing: -1.02,
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
