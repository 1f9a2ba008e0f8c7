// Reading the conversation: tags, requests for a person, frustration, handoff, handoff card, gaps.
export {
  TagClassifier,
  classifyWithModel,
  type TagClassifierOptions,
  type TagDefinition,
  type TagPrediction,
} from './classify/index';
export { wantsHuman, type WantsHuman } from './conversation/wants-human';
export {
  frustrationScore,
  conversationFrustration,
  DEFAULT_FRUSTRATION_THRESHOLD,
  type ConversationFrustration,
} from './conversation/frustration';
export {
  decideHandoff,
  DEFAULT_HANDOFF_SETTINGS,
  type HandoffDecision,
  type HandoffInput,
  type HandoffReason,
  type HandoffSettings,
} from './conversation/handoff';
export { captureDetails, type CapturedDetails } from './conversation/details';
export { summarizeHandoff, type HandoffSummary } from './conversation/summary';
export { groupGaps, type GapGroup, type GapItem } from './conversation/gaps';
export { loadWordVectors, sentenceVector, sifWeight, type WordVectors } from './vectors/index';
