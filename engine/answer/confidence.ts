/**
 * Calibrated confidence: the probability that the best hit answers the query, from features of
 * the ranking (how much belief the top hit holds, or for a passage its page, its lead over the
 * runner-up, what each ranker thinks of it, how much of the question it covers, and whether it is
 * a Q&A entry or a passage, whose scores read differently). A logistic regression fitted on CLINC150 val, half of StackFAQ
 * and the shops' sets, each weighted alike (scripts/tune/tune.ts), so 0.7 means "right about 7
 * times in 10" on data like those. Where to draw the line is the workspace's own (calibrate.ts).
 */
import type { SearchHit } from '../retrieve/types';
import { echoes } from './echo';

const isQa = (h: SearchHit) => h.chunk.questions.length > 0 || h.chunk.answer !== undefined;

export const CONFIDENCE_FEATURES = [
  'probability',
  'margin',
  'classifier',
  'phrasing',
  'passage',
  'chars',
  'vector',
  'embedding',
  'coverage',
  'title',
  'kind',
  /** 1 when the top hit is a Q&A entry, 0 for a passage: the two kinds' scores read differently. */
  'faq',
] as const;

export interface Calibration {
  bias: number;
  weights: Record<(typeof CONFIDENCE_FEATURES)[number], number>;
}

/** Fitted by scripts/tune/tune.ts on CLINC150 val + StackFAQ even-numbered queries + shops' sets. */
export const CALIBRATION: Calibration = {
  bias: -4.27,
  weights: {
    probability: 2.84,
    margin: 0.062,
    classifier: 0.119,
    phrasing: 0.709,
    passage: 0.526,
    chars: 1.491,
    vector: 2.002,
    embedding: 0,
    coverage: 1.718,
    title: 0.048,
    kind: -0.409,
    faq: -0.07,
  },
};

/** How many of the best hits may echo the top one (echo.ts). */
const ECHO_VOTERS = 5;

/**
 * The belief the top hit holds, and its lead. For a Q&A entry, its own share and its lead over the
 * runner-up. For a passage, its page's: a page cut into sections splits its belief among them
 * (shipping rates, shipping times, shipping abroad), so a right page whose two best sections led
 * the ranking looked as unsure as a toss-up between two pages. The passage answer quotes the
 * section of that page that answers (offline.ts), so when the runner-up is a section of the same
 * page the two hold their belief together, and the lead is measured to the best hit from another
 * page. Pooling only the top two, not every same-page hit: on the shop sets that kept confidently
 * wrong answers level (pooled 0.046 -> 0.044; the top five: 0.048) for most of the recall gained.
 * An echo of the top hit (the same footer on another page, echo.ts) is the same answer: its belief
 * joins the top's, and the lead is measured past it.
 */
function belief(hits: readonly SearchHit[]): { probability: number; margin: number } {
  const [top, second] = hits;
  if (isQa(top)) return { probability: top.probability, margin: second ? Math.min(top.score - second.score, 10) : 10 };
  const samePage = (h: SearchHit) => !isQa(h) && h.chunk.sourceId === top.chunk.sourceId;
  const echo = (h: SearchHit) => echoes(h.chunk, top.chunk);
  const echoed = hits.slice(1, ECHO_VOTERS).reduce((sum, h) => sum + (echo(h) ? h.probability : 0), 0);
  const probability = Math.min(1, top.probability + (second && samePage(second) ? second.probability : 0) + echoed);
  const other = hits.find((h) => !samePage(h) && !echo(h));
  return { probability, margin: other ? Math.min(top.score - other.score, 10) : 10 };
}

/** The calibrator's inputs for a ranking (best hit first). */
export function confidenceFeatures(hits: readonly SearchHit[]): number[] {
  const top = hits[0];
  if (!top) return CONFIDENCE_FEATURES.map(() => 0);
  const { probability, margin } = belief(hits);
  return CONFIDENCE_FEATURES.map((name) => {
    switch (name) {
      case 'probability':
        return probability;
      case 'margin':
        return margin;
      case 'faq':
        return isQa(top) ? 1 : 0;
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
