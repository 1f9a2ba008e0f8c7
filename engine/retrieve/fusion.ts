/**
 * How the rankers' scores become one: a linear score over per-candidate features, whose softmax
 * over the candidates is read as "which chunk is meant". The weights are fitted, not chosen: a
 * conditional logit on CLINC150 val, half of StackFAQ, the demo shop's dev split and three new
 * shops' sets (mixed passages and Q&A entries), see scripts/tune/tune.ts. Checked across shops:
 * fitted without a shop, its top-1 document held (fernhollow 0.805, loop-and-purl 0.838).
 */
import type { HitFeatures } from './types';

/** The rankers' scores (every HitFeatures field but the chunk kind). */
export type RankerName = Exclude<keyof HitFeatures, 'qa'>;

/**
 * Scores whose weight differs for passages: each enters twice, once for every chunk and once
 * more, as `passage:<name>`, for passages only. On Q&A-only knowledge (CLINC150) the second copy
 * is always 0 and the fit reduces to the plain one. Only coverage: a passage that holds every
 * word of the question is good evidence even when its BM25 is diluted by a long text, while an
 * entry's phrasings already say as much through the classifier. And the answer kind: a passage
 * holding the duration a "how long" question asks for is the answer far more often than a passage
 * merely about the same topic, while a Q&A entry's phrasings already carry the question's form.
 * (Tried on the dev sets: adding
 * the other rankers' copies gained no shop dev top-1 and made Q&A entries lose to passages that
 * merely share their words, as in engine/retrieve/generated-kb.ts.)
 */
export const PASSAGE_INTERACTIONS = ['coverage', 'kind'] as const satisfies readonly RankerName[];

export type FusionInput = RankerName | 'qa' | `passage:${(typeof PASSAGE_INTERACTIONS)[number]}`;
export type FusionWeights = Record<FusionInput, number>;

/** Floor for classifier probabilities before the log, so one ranker cannot veto a candidate. */
export const CLASSIFIER_FLOOR = 1e-4;

/** Fitted by scripts/tune/tune.ts (shops' total share 1); see the module comment. */
export const FUSION_WEIGHTS: FusionWeights = {
  classifier: 1.431,
  phrasing: -0.063,
  passage: 3.399,
  chars: 1.383,
  vector: -0.326,
  // Not fitted (no provider is reachable where the engine was tuned): a prior worth about the
  // classifier's say between two candidates whose cosines differ by 0.3.
  embedding: 3,
  coverage: 1.043,
  title: -0.374,
  kind: 0.639,
  qa: -1.63,
  'passage:coverage': 3.059,
  'passage:kind': 0.461,
};

const RANKERS: RankerName[] = [
  'classifier',
  'phrasing',
  'passage',
  'chars',
  'vector',
  'embedding',
  'coverage',
  'title',
  'kind',
];

/** The fusion's inputs in a fixed order, as the fitted model sees them. */
export const FEATURE_NAMES: FusionInput[] = [
  ...RANKERS,
  // A prior for Q&A entries over passages (constant within a Q&A-only or passage-only pool).
  'qa',
  ...PASSAGE_INTERACTIONS.map((n) => `passage:${n}` as const),
];

/** One candidate's features as the fusion's inputs (the classifier enters as a log-probability). */
export function fusionInputs(f: HitFeatures): number[] {
  // The classifier as log(p / floor) >= 0: 0 when it gives a chunk nothing or is absent
  // (knowledge too large to train one); within one query's pool only differences matter.
  const value = (name: RankerName) =>
    name === 'classifier' ? Math.log(Math.max(f.classifier, CLASSIFIER_FLOOR) / CLASSIFIER_FLOOR) : f[name];
  // Kind-specific terms are fitted where a classifier scores every chunk (they correct, among
  // other things, its lean towards entries with many phrasings); without one they are off.
  const on = f.classifier > 0 ? 1 : 0;
  const passage = f.qa ? 0 : on;
  return [...RANKERS.map(value), on * f.qa, ...PASSAGE_INTERACTIONS.map((n) => passage * value(n))];
}

/** The fused score of one candidate. */
export function fuse(f: HitFeatures, w: FusionWeights = FUSION_WEIGHTS): number {
  const x = fusionInputs(f);
  let s = 0;
  FEATURE_NAMES.forEach((name, i) => (s += w[name] * x[i]));
  return s;
}
