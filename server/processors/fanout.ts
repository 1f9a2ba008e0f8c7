/**
 * Realtime fan-out: after commit, each event goes to the sockets that may see it. The visitor gets
 * its conversation's visible messages and state; members of the workspace get everything.
 */
import { and, eq } from 'drizzle-orm';
import type { Server } from 'socket.io';
import { conversations, messages } from '../../db/schema';
import type { AgentEvent } from '../../protocol/socket';
import { visitorState, waitingStates } from '../queries/queue';
import type { WorkspaceCache, WorkspaceConfig } from '../commands/cached';
import type { Deps } from '../commands/unit';
import { isVisibleTo } from '../domain/visibility';
import type { StoredEvent } from '../events/bus';
import { presentMessages } from '../presenters/message';
import { rooms } from '../realtime/rooms';

/** Events after which the waiting line (and so every waiting visitor's position) may have changed. */
const QUEUE_EVENTS = new Set([
  'handoff.created',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.resolved',
  'agent.presence',
]);

/** Audit-only events: recorded, acted on by their processors, never pushed to dashboards. */
const NOT_FANNED_OUT = new Set<string>([
  'session.ended',
  'api_key.created',
  'api_key.revoked',
  'push.subscribed',
  'push.unsubscribed',
  'alert.preferences.updated',
]);

export function startFanout(io: Server, deps: Deps, settings: WorkspaceCache<WorkspaceConfig>): () => void {
  const visitors = io.of('/visitor');
  const agents = io.of('/agent');

  const botName = async (workspaceId: string) => (await settings.get(workspaceId)).settings.widget.botName;

  const pushState = async (conversationId: string) => {
    const [c] = await deps.db.select().from(conversations).where(eq(conversations.id, conversationId));
    if (!c) return;
    const state = await visitorState(deps, {
      config: await settings.get(c.workspaceId),
      conversation: c,
      contactId: c.contactId,
    });
    visitors.to(rooms.conversation(c.id)).emit('state', state);
  };

  const handle = async (e: StoredEvent) => {
    // A colleague's sign-out and the API keys' audit trail are not the inbox's business.
    if (NOT_FANNED_OUT.has(e.name)) return;
    const out: AgentEvent = { name: e.name, conversationId: e.conversationId, data: e.data };
    if (e.name === 'message.created' && e.conversationId) {
      const [m] = e.message
        ? [e.message]
        : await deps.db
            .select()
            .from(messages)
            .where(and(eq(messages.id, String(e.data.messageId)), eq(messages.workspaceId, e.workspaceId)));
      if (!m) return;
      const name = await botName(e.workspaceId);
      [out.message] = await presentMessages(deps.db, [m], 'agent', name);
      if (isVisibleTo(m, 'visitor')) {
        const [wire] = await presentMessages(deps.db, [m], 'visitor', name);
        // Not back to the connection it came from: its ack carried it.
        const room = visitors.to(rooms.conversation(e.conversationId));
        (e.origin ? room.except(e.origin) : room).emit('message', wire);
      }
    }
    agents.to(rooms.workspace(e.workspaceId)).emit('event', out);

    // A new conversation is with the bot, as the widget already shows: no state to push.
    if (e.conversationId && e.name !== 'message.created' && e.name !== 'conversation.created')
      await pushState(e.conversationId);
    if (QUEUE_EVENTS.has(e.name)) {
      for (const state of await waitingStates(deps, e.workspaceId, await settings.get(e.workspaceId))) {
        if (state.conversationId !== e.conversationId)
          visitors.to(rooms.conversation(state.conversationId!)).emit('state', state);
      }
    }
  };

  return deps.bus.on('*', handle);
}
