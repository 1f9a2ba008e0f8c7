/**
 * The dashboard's side of the socket: a signed-in member (session cookie, the session's CSRF token
 * in the handshake, from the dashboard's own origin) joins a workspace's room, then sends replies
 * and notes, and typing indicators. Every event is authorised against the member's current
 * session and membership (server/realtime/access.ts).
 */
import { z } from 'zod';
import { AgentActivity, AgentJoin, AgentSend, AgentTyping } from '../../protocol/schemas';
import { sessionKey } from '../commands/accounts';
import { sha256 } from '../auth/tokens';
import { recordActivity } from '../commands/activity';
import { sendAgentMessage } from '../commands/conversations';
import { dashboardOpened, dashboardsClosed, setPresence } from '../commands/presence';
import type { Deps } from '../commands/unit';
import { AppError } from '../errors';
import { sessionFor } from '../queries/accounts';
import { getConversation } from '../queries/conversation';
import { SESSION_COOKIE } from '../http/auth';
import type { MemberAccess } from './access';
import { on, type HandlerOptions } from './handler';
import { visitorNamespace, type AgentNamespace } from './namespaces';
import { presentMessages } from '../presenters/message';
import { rooms } from './rooms';

interface AgentData {
  userId: string;
  name: string;
  /** sha256 of the session cookie (what the sessions table keys on). */
  tokenHash: string;
  workspaces: Set<string>;
}

const refuse = (code: string, message: string) => Object.assign(new Error(message), { data: { code, message } });

/**
 * May a page on `origin` open the agent socket? Only the dashboard's own: the public URL's origin,
 * or the host the request was sent to (a local setup without CHATREF_PUBLIC_URL). Clients that are
 * not browsers send no Origin; they still need the session's cookie and CSRF token.
 */
export function agentOriginAllowed(origin: string | undefined, publicUrl: string | null, host: string | undefined) {
  if (!origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl && url.origin === new URL(publicUrl).origin) return true;
  return !!host && url.host.toLowerCase() === host.toLowerCase();
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function attachAgentNamespace(
  nsp: AgentNamespace,
  deps: Deps,
  opts: {
    handler: HandlerOptions;
    access: MemberAccess;
    /** The dashboard's public address (CHATREF_PUBLIC_URL), when known. */
    publicUrl: () => string | null;
    offlineGraceMs?: number;
  },
): void {
  const grace = opts.offlineGraceMs ?? 30_000;
  nsp.use((socket, next) => {
    const { headers } = socket.handshake;
    if (!agentOriginAllowed(headers.origin, opts.publicUrl(), headers.host))
      return next(refuse('origin_not_allowed', 'the dashboard socket takes connections from the dashboard only'));
    const token = cookieValue(headers.cookie, SESSION_COOKIE);
    const csrf = (socket.handshake.auth as { csrfToken?: unknown } | undefined)?.csrfToken;
    // In the session's room before its check: a sign-out committed after the check still finds it.
    if (token) void socket.join(rooms.session(sessionKey(token)));
    (token ? sessionFor(deps, token) : Promise.resolve(null)).then(
      (session) => {
        if (!session || !token) return next(refuse('unauthenticated', 'sign in first'));
        if (typeof csrf !== 'string' || csrf !== session.csrfToken)
          return next(refuse('csrf_failed', "send the session's CSRF token as auth.csrfToken"));
        const data: AgentData = {
          userId: session.user.id,
          name: session.user.name,
          tokenHash: sha256(token),
          workspaces: new Set(),
        };
        socket.data = data;
        void socket.join(rooms.user(data.userId));
        next();
      },
      () => next(new Error('could not check the session')),
    );
  });

  nsp.on('connection', (socket) => {
    const a = socket.data as AgentData;

    /**
     * Checks the member's current access to the workspace; a session that ended or a membership
     * that went closes the socket (after the error ack), so the dashboard reloads what it may see.
     */
    const authorize = async (workspaceId: string, opts2: { fresh?: boolean } = {}) => {
      const now = await opts.access.check(a, workspaceId, opts2);
      if (now.session && now.role) return now.role;
      if (!opts2.fresh || !now.session) setImmediate(() => socket.disconnect(true));
      if (!now.session) throw new AppError('unauthenticated', 'your session has ended: sign in again');
      throw new AppError('not_found', 'no such workspace');
    };

    // Closing the last dashboard tab (or losing the network for longer than the grace period)
    // makes the member offline, so routing stops sending them chats and theirs return to the queue.
    socket.on('disconnect', () => {
      const workspaces = [...a.workspaces];
      const timer = setTimeout(() => {
        void (async () => {
          const left = await nsp.in(rooms.user(a.userId)).fetchSockets();
          if (left.length) return;
          for (const workspaceId of workspaces) {
            await dashboardsClosed(deps, workspaceId, a.userId);
          }
        })().catch((err: unknown) => opts.handler.onUnexpected(err, 'disconnect'));
      }, grace);
      timer.unref();
    });

    const member = async (workspaceId: string) => {
      if (!a.workspaces.has(workspaceId)) throw new AppError('not_found', 'join the workspace first');
      await authorize(workspaceId);
    };
    /** The conversation, looked up only in the workspaces this member has joined (and still may see). */
    const conversation = async (conversationId: string) => {
      for (const workspaceId of a.workspaces) {
        const c = await getConversation(deps.db, workspaceId, conversationId).catch(() => null);
        if (c) {
          await authorize(workspaceId);
          return c;
        }
      }
      throw new AppError('not_found', 'no such conversation');
    };

    on(socket, 'join', AgentJoin, opts.handler, async ({ workspaceId }) => {
      // The member's room (which carries no events) before the check, the workspace's after it:
      // a removal committed after the check still finds this socket, and nothing leaks before it.
      await socket.join(rooms.member(workspaceId, a.userId));
      try {
        await authorize(workspaceId, { fresh: true });
      } catch (err) {
        await socket.leave(rooms.member(workspaceId, a.userId));
        throw err;
      }
      a.workspaces.add(workspaceId);
      await socket.join(rooms.workspace(workspaceId));
      // An open dashboard means the member is here (unless they chose "away").
      await dashboardOpened(deps, workspaceId, a.userId);
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
      visitorNamespace(socket.nsp.server).to(rooms.conversation(c.id)).emit('typing', { name: a.name, typing });
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
        await member(workspaceId);
        await setPresence(deps, workspaceId, a.userId, status);
        return { status };
      },
    );
  });
}
