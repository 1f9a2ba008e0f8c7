/** What the answer engine says back, whichever way it was written. */

export interface Citation {
  chunkId: string;
  title: string;
  url: string | null;
}

export type AnswerSource = 'faq' | 'passages' | 'model' | 'none';

export interface EngineAnswer {
  text: string;
  /** The passages the answer rests on (empty only when it abstained for lack of any). */
  citations: Citation[];
  /** Calibrated probability (0..1) that the answer is right. */
  confidence: number;
  /**
   * True when the engine does not answer: the text says so and offers a person. Mostly when the
   * confidence fell below the threshold; the offline answer also holds back, whatever the
   * confidence, when the content cannot hold what was asked (a phone number none of its passages
   * gives, a thing it never names; offline.ts).
   */
  abstained: boolean;
  source: AnswerSource;
}

/**
 * The ceiling of a workspace's own calibrated threshold (calibrate.ts), and the threshold where no
 * calibration applies (the model path's fallback). Chosen on data by scripts/tune/tune.ts: the threshold
 * (0.01 steps) maximising the mean of two balanced accuracies, one on CLINC150 val (FAQ entries)
 * and one on the demo shop's dev set of the time (since folded into eval/shops/riff-and-rhythm). Balanced
 * accuracy is the mean of "answerable and answered right" and "unanswerable and abstained", so
 * the rule depends neither on how many unanswerable questions a set holds nor on the sets' sizes.
 * At 0.68: CLINC150 val 0.825, shop dev 0.821. Workspaces can set their own.
 */
export const DEFAULT_ANSWER_THRESHOLD = 0.68;

/** What the visitor reads when the engine is not sure. */
export const NOT_SURE_TEXT =
  "I'm not sure I can answer that from our help content. Would you like me to connect you with a person?";
