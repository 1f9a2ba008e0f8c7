/** The shapes of the analytics API, defined once in protocol/analytics.ts. */
export type {
  GapGroup,
  QaDraft,
  SatisfactionCounts,
  SatisfactionData,
  TagConversation,
  TagFeedData,
  TagFeedRow,
} from '../../../protocol/analytics';
