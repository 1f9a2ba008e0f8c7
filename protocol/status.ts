/** A conversation's states (the transitions: `server/domain/conversation-state.ts`). */
export const CONVERSATION_STATUSES = ['bot', 'waiting', 'human', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
