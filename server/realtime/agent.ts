/**
 * The dashboard's side of the socket: a signed-in member (session cookie) joins a workspace's
 * room, then sends replies and notes, and typing indicators.
 */
import { and, eq } from 'drizzle-orm';
import type { Namespace, Socket } from 'socket.io';
import { agentPresence } from '../../db/schema';
import { z } from 'zod';
import { AgentActivity, AgentJoin, AgentSend, AgentTyping } from '../../protocol/schemas';
import { roleIn, sessionFor } from '../commands/accounts';
import { recordActivity } from '../commands/activity';
import { getConversation, sendAgentMessage } from '../commands/conversations';
import { setPresence } from '../commands/queue';
import type { Deps } from '../commands/unit';
import { AppError } from '../errors';
import { SESSION_COOKIE } from '../http/auth';
import { on, type HandlerOptions } from './handler';
import { presentMessages } from './present';
import { rooms } from './rooms';

interface AgentData {
  userId: string;
  name: string;
  workspaces: Set<string>;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function attachAgentNamespace(
  nsp: Namespace,
  deps: Deps,
  opts: { handler: HandlerOptions; offlineGraceMs?: number },
): void {
  const grace = opts.offlineGraceMs ?? 30_000;
  nsp.use((socket, next) => {
    const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
    (token ? sessionFor(deps, token) : Promise.resolve(null)).then(
      (session) => {
        if (!session)
          return next(
            Object.assign(new Error('sign in first'), { data: { code: 'unauthenticated', message: 'sign in first' } }),
          );
        const data: AgentData = { userId: session.user.id, name: session.user.name, workspaces: new Set() };
        socket.data = data;
        next();
      },
      () => next(new Error('could not check the session')),
    );
  });

  nsp.on('connection', (socket: Socket) => {
    const a = socket.data as AgentData;
    void socket.join(rooms.user(a.userId));

    // Closing the last dashboard tab (or losing the network for longer than the grace period)
    // makes the member offline, so routing stops sending them chats and theirs return to the queue.
    socket.on('disconnect', () => {
      const workspaces = [...a.workspaces];
      const timer = setTimeout(() => {
        void (async () => {
          const left = await nsp.in(rooms.user(a.userId)).fetchSockets();
          if (left.length) return;
          for (const workspaceId of workspaces) {
            const [p] = await deps.db
              .select({ status: agentPresence.status })
              .from(agentPresence)
              .where(and(eq(agentPresence.workspaceId, workspaceId), eq(agentPresence.userId, a.userId)));
            if (p?.status !== 'offline') await setPresence(deps, workspaceId, a.userId, 'offline');
          }
        })().catch((err: unknown) => opts.handler.onUnexpected(err, 'disconnect'));
      }, grace);
      timer.unref();
    });

    const member = (workspaceId: string) => {
      if (!a.workspaces.has(workspaceId)) throw new AppError('not_found', 'join the workspace first');
    };
    /** The conversation, looked up only in the workspaces this member has joined. */
    const conversation = async (conversationId: string) => {
      for (const workspaceId of a.workspaces) {
        const c = await getConversation(deps.db, workspaceId, conversationId).catch(() => null);
        if (c) return c;
      }
      throw new AppError('not_found', 'no such conversation');
    };

    on(socket, 'join', AgentJoin, opts.handler, async ({ workspaceId }) => {
      if (!(await roleIn(deps.db, workspaceId, a.userId))) throw new AppError('not_found', 'no such workspace');
      a.workspaces.add(workspaceId);
      await socket.join(rooms.workspace(workspaceId));
      // An open dashboard means the member is here (unless they chose "away").
      const [p] = await deps.db
        .select({ status: agentPresence.status })
        .from(agentPresence)
        .where(and(eq(agentPresence.workspaceId, workspaceId), eq(agentPresence.userId, a.userId)));
      if (!p || p.status === 'offline') await setPresence(deps, workspaceId, a.userId, 'online');
      return { workspaceId };
    });

    on(socket, 'send', AgentSend, opts.handler, async (input) => {
      const { workspaceId } = await conversation(input.conversationId);
      const { message } = await sendAgentMessage(deps, {
        workspaceId,
        conversationId: input.conversationId,
        userId: a.userId,
        clientId: input.clientId,
        body: input.body,
        note: input.note,
      });
      const [wire] = await presentMessages(deps.db, [message], 'agent', '');
      return wire;
    });

    on(socket, 'typing', AgentTyping, opts.handler, async ({ conversationId, typing }) => {
      const c = await conversation(conversationId);
      if (typing)
        await recordActivity(deps, {
          workspaceId: c.workspaceId,
          conversationId: c.id,
          userId: a.userId,
          kind: 'typing',
        });
      socket.nsp.server.of('/visitor').to(rooms.conversation(c.id)).emit('typing', { name: a.name, typing });
      socket.to(rooms.workspace(c.workspaceId)).emit('typing', { conversationId, author: a.name, typing });
      return null;
    });

    on(socket, 'activity', AgentActivity, opts.handler, async ({ conversationId }) => {
      const c = await conversation(conversationId);
      await recordActivity(deps, { workspaceId: c.workspaceId, conversationId: c.id, userId: a.userId, kind: 'view' });
      return null;
    });

    on(
      socket,
      'presence',
      z.object({ workspaceId: z.uuid(), status: z.enum(['online', 'away']) }),
      opts.handler,
      async ({ workspaceId, status }) => {
        member(workspaceId);
        await setPresence(deps, workspaceId, a.userId, status);
        return { status };
      },
    );
  });
}
