/** Reading the conversation: requests for a person, frustration, the handoff decision, the handoff card, gaps. */
export { wantsHuman, type WantsHuman } from './wants-human';
export {
  frustrationScore,
  explicitFrustration,
  conversationFrustration,
  termSimilarity,
  DEFAULT_FRUSTRATION_THRESHOLD,
  type ConversationFrustration,
} from './frustration';
export {
  decideHandoff,
  handoffSettings,
  DEFAULT_HANDOFF_SETTINGS,
  type HandoffAction,
  type HandoffDecision,
  type HandoffInput,
  type HandoffReason,
  type HandoffSettings,
} from './handoff';
export { captureDetails, type CapturedDetails, type CaptureOptions } from './details';
export { summarizeHandoff, type AiAnswer, type HandoffSummary, type HandoffSummaryInput } from './summary';
export { groupGaps, type GapCluster, type GapItem, type GapOptions } from './gaps';
export {
  readMessage,
  isQuestion,
  ODD_INPUT_REPLY,
  FRUSTRATION_APOLOGY,
  type MessageKind,
  type MessageRead,
} from './odd-input';
