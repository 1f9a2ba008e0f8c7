/**
 * A person hands the chat back to the AI without resolving it (state machine: `handback`): the
 * visitor is told the assistant is back, and the bot answers their next question.
 */
import { moveConversation, type Conversation } from './conversations';
import type { Deps } from './unit';

export function handBackToAi(
  deps: Deps,
  input: { workspaceId: string; conversationId: string; actor: { type: 'user' | 'api'; id?: string | null } },
): Promise<Conversation> {
  return moveConversation(deps, { ...input, move: 'handback' });
}
