/**
 * Live access follows membership. Every event an agent socket sends is authorised against the
 * member's current session and role in the workspace (cached for a few seconds per session and
 * workspace), and a change of access closes the member's sockets on every instance at once:
 *
 * - `workspace.member.removed` / `workspace.member.updated` → the member's sockets in that
 *   workspace are disconnected (the dashboard reloads and joins with what it may do now);
 * - `session.ended` (sign-out) → the session's sockets are disconnected.
 *
 * The commands record these events in their transaction; here, after commit, the disconnect goes
 * through the Socket.IO adapter (PostgreSQL's NOTIFY across instances), and the cached access of
 * the member is dropped here and, through the relay (server/realtime/relay.ts), everywhere else.
 */
import { LRUCache } from 'lru-cache';
import type { Server } from 'socket.io';
import { AGENT_NAMESPACE } from '../../protocol/socket';
import type { Deps } from '../commands/unit';
import { changesAccess } from '../domain/access';
import { sessionAccess, type LiveAccess } from '../queries/access';
import { rooms } from './rooms';

export type { LiveAccess };

export class MemberAccess {
  private readonly lru: LRUCache<string, LiveAccess, { tokenHash: string; userId: string; workspaceId: string }>;

  constructor(deps: Pick<Deps, 'db' | 'now'>, ttlMs = 5000) {
    this.lru = new LRUCache({
      max: 10_000,
      ttl: Math.max(1, ttlMs),
      fetchMethod: async (_key, _stale, { context }) => {
        return sessionAccess(deps.db, context, deps.now());
      },
    });
  }

  /** The session's access to the workspace; `fresh` reads the database (joining, not per event). */
  async check(
    s: { tokenHash: string; userId: string },
    workspaceId: string,
    opts: { fresh?: boolean } = {},
  ): Promise<LiveAccess> {
    const key = `${s.userId}|${s.tokenHash}|${workspaceId}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const got = await this.lru.fetch(key, { context: { ...s, workspaceId }, forceRefresh: opts.fresh ?? false });
        return got ?? { session: false };
      } catch (err) {
        // A read under way when the member's access changed is abandoned: read again.
        if (attempt === 3 || !(err instanceof Error && ['deleted', 'evicted', 'replaced'].includes(err.message)))
          throw err;
      }
    }
  }

  /** Forgets everything cached about a member's access. */
  dropUser(userId: string): void {
    for (const key of [...this.lru.keys()]) if (key.startsWith(`${userId}|`)) this.lru.delete(key);
  }
}

/**
 * After commit: closes the sockets whose access changed (on every instance, through the adapter)
 * and drops the cached access (also for events relayed from other instances). Returns the
 * unsubscribe function.
 */
export function enforceLiveAccess(io: Server, deps: Pick<Deps, 'bus'>, access: MemberAccess): () => void {
  const agents = io.of(AGENT_NAMESPACE);
  const offCache = deps.bus.on(
    '*',
    (e) => {
      if (changesAccess(e) && typeof e.data.userId === 'string') access.dropUser(e.data.userId);
    },
    { elsewhere: true },
  );
  const offSockets = deps.bus.on('*', (e) => {
    if (!changesAccess(e) || typeof e.data.userId !== 'string') return;
    access.dropUser(e.data.userId);
    const room =
      e.name === 'session.ended' && typeof e.data.session === 'string'
        ? rooms.session(e.data.session)
        : rooms.member(e.workspaceId, e.data.userId);
    agents.in(room).disconnectSockets(true);
  });
  return () => {
    offCache();
    offSockets();
  };
}
