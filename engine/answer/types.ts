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
  /** True when confidence fell below the threshold: the text says so and offers a person. */
  abstained: boolean;
  source: AnswerSource;
}

/**
 * Answer below this confidence → abstain. Chosen on CLINC150 val (engine/answer/tune.ts): the
 * threshold maximising balanced accuracy, i.e. the mean of "answerable and answered right" and
 * "unanswerable and abstained", so the rule does not depend on how many unanswerable questions a
 * dev set happens to hold. Workspaces can set their own.
 */
export const DEFAULT_ANSWER_THRESHOLD = 0.76;

/** What the visitor reads when the engine is not sure. */
export const NOT_SURE_TEXT =
  "I'm not sure I can answer that from our help content. Would you like me to connect you with a person?";
