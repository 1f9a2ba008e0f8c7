/**
 * Calibrated confidence: the probability that the best hit answers the query, from features of
 * the ranking (how much belief the top hit holds, its lead over the runner-up, what each ranker
 * thinks of it). A logistic regression fitted on CLINC150 val and half of StackFAQ
 * (engine/answer/tune.ts), so 0.7 means "right about 7 times in 10" on data like those.
 */
import type { SearchHit } from '../retrieve/types';

export const CONFIDENCE_FEATURES = [
  'probability',
  'margin',
  'classifier',
  'phrasing',
  'passage',
  'chars',
  'vector',
  'embedding',
] as const;

export interface Calibration {
  bias: number;
  weights: Record<(typeof CONFIDENCE_FEATURES)[number], number>;
}

/** Fitted by engine/answer/tune.ts on CLINC150 val + StackFAQ even-numbered queries. */
export const CALIBRATION: Calibration = {
  bias: -3.011,
  weights: {
    probability: 1.599,
    margin: 0.15,
    classifier: 1.84,
    phrasing: 1.054,
    passage: 0.401,
    chars: 1.916,
    vector: 1.03,
    embedding: 0,
  },
};

/** The calibrator's inputs for a ranking (best hit first). */
export function confidenceFeatures(hits: readonly SearchHit[]): number[] {
  const top = hits[0];
  if (!top) return CONFIDENCE_FEATURES.map(() => 0);
  const margin = hits[1] ? Math.min(top.score - hits[1].score, 10) : 10;
  return CONFIDENCE_FEATURES.map((name) => {
    switch (name) {
      case 'probability':
        return top.probability;
      case 'margin':
        return margin;
      default:
        return top.features[name];
    }
  });
}

/** Probability in 0..1 that the best hit is a right answer; 0 when there is no hit. */
export function confidenceOf(hits: readonly SearchHit[], cal: Calibration = CALIBRATION): number {
  if (!hits.length) return 0;
  const x = confidenceFeatures(hits);
  let z = cal.bias;
  CONFIDENCE_FEATURES.forEach((name, i) => (z += cal.weights[name] * x[i]));
  return 1 / (1 + Math.exp(-z));
}
