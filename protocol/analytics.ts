/** The shapes of the analytics API (tag feed, drill-down, knowledge gaps), shared by server and dashboard. */
export interface TagFeedRow {
  tagId: string | null;
  name: string;
  color: string;
  handoffs: number;
  conversations: number;
  share: number;
  humanMinutes: number;
  minutesPerChat: number;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  previous: { handoffs: number; humanMinutes: number };
}

export interface TagFeedData {
  from: string;
  to: string;
  chats: number;
  /** Chats the AI answered with a cited answer, and that were not then handed to a person. */
  answeredByAi: number;
  /** Chats where the AI only said it was not sure (and nobody took over). */
  aiNotSure: number;
  /** Chats the AI never replied to (and nobody took over). */
  noAiReply: number;
  handedOff: number;
  humanMinutes: number;
  reasons: Record<string, number>;
  tags: TagFeedRow[];
  agents: { userId: string; name: string; humanMinutes: number }[];
  daily: { day: string; handoffs: Record<string, number> }[];
}

export interface TagConversation {
  conversationId: string;
  handoffReason: string | null;
  humanMinutes: number;
}

export interface GapGroup {
  label: string;
  questions: { conversationId: string; text: string; handedOff: boolean }[];
  count: number;
  humanMinutes: number;
  answers: { conversationId: string; text: string; author: string | null }[];
}

export interface QaDraft {
  question: string;
  alternates: string[];
  answer: string;
}

/** "How did we do?" answers counted; `goodShare` is good / total (null without ratings). */
export interface SatisfactionCounts {
  good: number;
  okay: number;
  bad: number;
  total: number;
  goodShare: number | null;
}

/** Satisfaction over a period: chats a person worked apart from chats the AI answered alone. */
export interface SatisfactionData {
  from: string;
  to: string;
  human: SatisfactionCounts;
  ai: SatisfactionCounts;
  /** Per tag of the rated chats (a chat with two tags counts for each); tagId null: untagged. */
  tags: { tagId: string | null; name: string; color: string; human: SatisfactionCounts; ai: SatisfactionCounts }[];
  /** Per agent who had the chat when it was resolved. */
  agents: { userId: string; name: string; counts: SatisfactionCounts }[];
  /** The newest ratings that came with a comment. */
  comments: SatisfactionComment[];
}

export interface SatisfactionComment {
  conversationId: string;
  rating: 'good' | 'okay' | 'bad';
  comment: string;
  handledBy: 'ai' | 'human';
  agentName: string | null;
  tags: string[];
  createdAt: string;
}

/** Waiting-time target breaches of one tag's handoffs over a period (null tag: untagged). */
export interface TagBreachRow {
  tagId: string | null;
  handoffs: number;
  firstResponseBreaches: number;
  resolutionBreaches: number;
}

export interface TargetBreachData {
  from: string;
  to: string;
  targets: { firstResponseS: number; resolutionS: number };
  total: Omit<TagBreachRow, 'tagId'>;
  tags: TagBreachRow[];
}
