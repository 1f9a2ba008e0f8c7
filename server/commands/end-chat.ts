/** The visitor ends a chat only the AI had: it is resolved (and may then be rated, see domain/follow-up). */
import { moveConversation, type Conversation } from './conversations';
import type { Deps } from './unit';
import { visitorConversation, type VisitorRef } from '../queries/visitor-conversation';

export async function endChat(deps: Deps, input: VisitorRef & { conversationId: string }): Promise<Conversation> {
  const { conversation } = await visitorConversation(deps.db, input, input.conversationId);
  // The state machine refuses a chat a person has (waiting or with someone): theirs to resolve.
  return moveConversation(deps, {
    workspaceId: input.workspaceId,
    conversationId: conversation.id,
    move: 'end',
    actor: { type: 'visitor', id: input.visitorId },
  });
}
