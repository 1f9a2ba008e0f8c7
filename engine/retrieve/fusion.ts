/**
 * How the rankers' scores become one: a linear score over per-candidate features, whose softmax
 * over the candidates is read as "which chunk is meant". The weights are fitted, not chosen: a
 * conditional logit on CLINC150 val and half of StackFAQ (see engine/answer/tune.ts).
 */
import type { HitFeatures } from './types';

export type FusionWeights = Record<keyof HitFeatures, number>;

/** Floor for classifier probabilities before the log, so one ranker cannot veto a candidate. */
export const CLASSIFIER_FLOOR = 1e-4;

/** Fitted by engine/answer/tune.ts; see the module comment. */
export const FUSION_WEIGHTS: FusionWeights = {
  classifier: 1.664,
  phrasing: -0.237,
  passage: 2.461,
  chars: 0.803,
  vector: -0.311,
  // Not fitted (no provider is reachable where the engine was tuned): a prior worth about the
  // classifier's say between two candidates whose cosines differ by 0.3.
  embedding: 3,
};

/** The features in a fixed order, as the fitted model sees them. */
export const FEATURE_NAMES: (keyof HitFeatures)[] = [
  'classifier',
  'phrasing',
  'passage',
  'chars',
  'vector',
  'embedding',
];

/** One candidate's features as the fusion's inputs (the classifier enters as a log-probability). */
export function fusionInputs(f: HitFeatures): number[] {
  return FEATURE_NAMES.map((name) =>
    name === 'classifier' ? Math.log(Math.max(f.classifier, CLASSIFIER_FLOOR)) : f[name],
  );
}

/** The fused score of one candidate. */
export function fuse(f: HitFeatures, w: FusionWeights = FUSION_WEIGHTS): number {
  const x = fusionInputs(f);
  let s = 0;
  FEATURE_NAMES.forEach((name, i) => (s += w[name] * x[i]));
  return s;
}
