/** The shapes shared by the offline and the model-backed tagger. */

export interface TagDefinition {
  id: string;
  name: string;
  description: string;
  examples: string[];
  /** Conversations with this topic should go to a person (a handoff topic). */
  needsHuman?: boolean;
}

export interface TagPrediction {
  tagId: string;
  /** Calibrated probability that this is the conversation's topic. */
  confidence: number;
}
