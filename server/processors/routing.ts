/**
 * Routing: waiting chats go to online agents, first in first out, under each agent's cap —
 * round-robin (longest since last assignment) or least-loaded (fewest open chats), and only to the
 * routed team's members when a tag routed the chat to a team. When nobody can take a chat it waits,
 * and is assigned as soon as someone comes online or frees up. A chat whose agent goes offline
 * returns to the queue, where its customer keeps their place.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import { agentPresence, conversations, teamMembers, workspaces } from '../../db/schema';
import { moveConversation } from '../commands/conversations';
import type { Deps } from '../commands/unit';
import { UNASSIGN_NOTES } from '../../protocol/events';
import { readSettings } from '../domain/settings';
import { AppError } from '../errors';
import { waitingLine } from '../queries/queue';
import type { StoredEvent } from '../events/bus';

/** Events after which an assignment may become possible. */
const TRIGGERS = new Set([
  'handoff.created',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.resolved',
  'agent.presence',
]);

interface Candidate {
  userId: string;
  capacity: number;
  open: number;
  lastAssignedAt: Date | null;
}

/** Picks the agent for a chat among candidates with room (pure; tested on its own). */
export function pickAgent(candidates: Candidate[], strategy: 'round_robin' | 'least_loaded'): Candidate | null {
  const free = candidates.filter((c) => c.open < c.capacity);
  if (!free.length) return null;
  const time = (c: Candidate) => c.lastAssignedAt?.getTime() ?? 0;
  const sorted = [...free].sort((a, b) =>
    strategy === 'least_loaded'
      ? a.open - b.open || time(a) - time(b) || a.userId.localeCompare(b.userId)
      : time(a) - time(b) || a.userId.localeCompare(b.userId),
  );
  return sorted[0];
}

export class Router {
  /** One routing pass at a time per workspace (passes are cheap; a new trigger queues one more). */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: Deps,
    private readonly logger: Logger,
  ) {}

  start(): () => void {
    const offs = [this.deps.bus.on('*', (e) => (TRIGGERS.has(e.name) ? this.onEvent(e) : undefined))];
    return () => offs.forEach((off) => off());
  }

  private async onEvent(e: StoredEvent): Promise<void> {
    if (e.name === 'agent.presence' && e.data.status === 'offline' && typeof e.data.userId === 'string') {
      await this.requeueChatsOf(e.workspaceId, e.data.userId);
    }
    await this.schedule(e.workspaceId);
  }

  schedule(workspaceId: string): Promise<void> {
    const prev = this.running.get(workspaceId) ?? Promise.resolve();
    const next = prev
      .then(() => this.assignWaiting(workspaceId))
      .catch((err: unknown) => this.logger.error({ err, workspaceId }, 'routing failed'))
      .finally(() => {
        if (this.running.get(workspaceId) === next) this.running.delete(workspaceId);
      });
    this.running.set(workspaceId, next);
    return next;
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running.values()]);
  }

  /** A member went offline: their open chats go back to the queue, in the place their handoff gave them. */
  private async requeueChatsOf(workspaceId: string, userId: string): Promise<void> {
    const mine = await this.deps.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        and(
          eq(conversations.workspaceId, workspaceId),
          eq(conversations.assigneeId, userId),
          eq(conversations.status, 'human'),
        ),
      );
    for (const c of mine) {
      await moveConversation(this.deps, {
        workspaceId,
        conversationId: c.id,
        move: 'unassign',
        actor: { type: 'system' },
        note: UNASSIGN_NOTES.agentOffline,
      }).catch((err: unknown) => {
        if (!(err instanceof AppError)) throw err;
      });
    }
  }

  /** Assigns waiting chats in line order (queries/queue.ts) while someone has room. */
  async assignWaiting(workspaceId: string): Promise<void> {
    const [ws] = await this.deps.db
      .select({ settings: workspaces.settings })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    const settings = readSettings(ws?.settings).routing;
    if (!settings.autoAssign) return;
    for (const c of await waitingLine(this.deps.db, workspaceId)) {
      const candidates = await this.candidates(workspaceId, c.teamId);
      const agent = pickAgent(candidates, settings.strategy);
      if (!agent) continue; // this chat's team is busy; a later chat may go to another team
      try {
        await moveConversation(this.deps, {
          workspaceId,
          conversationId: c.id,
          move: 'assign',
          actor: { type: 'system' },
          assigneeId: agent.userId,
          expectStatus: 'waiting',
          note: settings.strategy,
        });
        await this.deps.db
          .update(agentPresence)
          .set({ lastAssignedAt: this.deps.now() })
          .where(and(eq(agentPresence.workspaceId, workspaceId), eq(agentPresence.userId, agent.userId)));
      } catch (err) {
        if (!(err instanceof AppError)) throw err; // claimed by someone else meanwhile: fine
      }
    }
  }

  /** Online members (of the team, when the chat is routed to one) with their open-chat counts. */
  private async candidates(workspaceId: string, teamId: string | null): Promise<Candidate[]> {
    let online = await this.deps.db
      .select({
        userId: agentPresence.userId,
        capacity: agentPresence.capacity,
        lastAssignedAt: agentPresence.lastAssignedAt,
      })
      .from(agentPresence)
      .where(and(eq(agentPresence.workspaceId, workspaceId), eq(agentPresence.status, 'online')));
    if (teamId) {
      const members = new Set(
        (
          await this.deps.db
            .select({ userId: teamMembers.userId })
            .from(teamMembers)
            .where(eq(teamMembers.teamId, teamId))
        ).map((m) => m.userId),
      );
      online = online.filter((o) => members.has(o.userId));
    }
    if (!online.length) return [];
    const loads = await this.deps.db
      .select({ userId: conversations.assigneeId, n: count() })
      .from(conversations)
      .where(
        and(
          eq(conversations.workspaceId, workspaceId),
          eq(conversations.status, 'human'),
          inArray(
            conversations.assigneeId,
            online.map((o) => o.userId),
          ),
        ),
      )
      .groupBy(conversations.assigneeId);
    return online.map((o) => ({ ...o, open: loads.find((l) => l.userId === o.userId)?.n ?? 0 }));
  }
}
