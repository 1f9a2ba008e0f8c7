/**
 * Details the visitor gives after the handoff ("I'm Maria Lopez, maria@…, 864-555-0199") reach
 * the handoff card and the contact; at the handoff, what they said before it reaches the contact.
 * While the bot has the chat, nothing is read: the handoff reads the whole chat then. A message
 * with nothing to capture, or answered with the bot's reply in one statement, costs no statement
 * (the reply path's budget, tests/e2e/queries.test.ts).
 */
import { and, eq } from 'drizzle-orm';
import { conversations } from '../../db/schema';
import { captureDetails } from '../../engine/conversation/details';
import { captureChatDetails } from '../commands/contacts';
import type { Deps } from '../commands/unit';
import type { StoredEvent } from '../events/bus';

export function startDetailCapture(deps: Deps): () => void {
  const capture = (e: StoredEvent) =>
    e.conversationId
      ? captureChatDetails(deps, { workspaceId: e.workspaceId, conversationId: e.conversationId }).then(() => {})
      : undefined;
  const offs = [
    deps.bus.on('handoff.created', capture),
    deps.bus.on('message.created', async (e) => {
      // Stored with the bot's answer: the chat was with the bot at that commit (see
      // appendWithReply), so there is no card to add to and nothing to read.
      if (e.actorType !== 'visitor' || e.data.kind !== 'text' || !e.conversationId || e.answered) return;
      if (e.message && Object.keys(captureDetails([e.message.body])).length === 0) return;
      const [c] = await deps.db
        .select({ status: conversations.status, card: conversations.handoffCard })
        .from(conversations)
        .where(and(eq(conversations.id, e.conversationId), eq(conversations.workspaceId, e.workspaceId)));
      if (c && c.status !== 'bot' && c.card) await capture(e);
    }),
  ];
  return () => offs.forEach((off) => off());
}
