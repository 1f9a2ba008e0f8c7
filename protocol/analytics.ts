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
