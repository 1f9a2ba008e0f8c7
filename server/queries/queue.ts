/**
 * Who is available, and where a waiting chat stands in line. The line is one order everywhere
 * (routing, the inbox, each visitor's place and wait): higher priority first, then whoever has
 * waited longest for a person, counted from the handoff (a chat back from an agent keeps its place).
 */
import { and, asc, count, desc, eq, gt, lt, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { agentPresence, contacts, conversations, users } from '../../db/schema';
import type { VisitorState } from '../../protocol/socket';
import type { Deps } from '../commands/unit';
import { isWithinHours } from '../domain/hours';
import type { WorkspaceSettings } from '../domain/settings';
import { estimateWaitS, typicalFirstResponseS } from './wait-estimate';

/** What the queue's answers need of the workspace (its cached configuration has it). */
export interface QueueConfig {
  settings: WorkspaceSettings;
  agentsOnline: number;
  /** Whether a reply can go by email: without SMTP the widget never promises one. */
  mails: boolean;
}

/** The waiting line's order (the id breaks ties, so every reader of the line agrees). */
export const LINE_ORDER = [desc(conversations.priority), asc(conversations.waitingSince), asc(conversations.id)];

/** A workspace's waiting chats, first in line first. */
export async function waitingLine(db: Queryable, workspaceId: string): Promise<(typeof conversations.$inferSelect)[]> {
  return db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.status, 'waiting')))
    .orderBy(...LINE_ORDER);
}

export async function agentsOnline(db: Queryable, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(agentPresence)
    .where(and(eq(agentPresence.workspaceId, workspaceId), eq(agentPresence.status, 'online')));
  return row?.n ?? 0;
}

/** 1-based place in the waiting line (LINE_ORDER). */
export async function queuePosition(db: Queryable, c: typeof conversations.$inferSelect): Promise<number | null> {
  if (c.status !== 'waiting' || !c.waitingSince) return null;
  const [row] = await db
    .select({ n: count() })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, c.workspaceId),
        eq(conversations.status, 'waiting'),
        or(
          gt(conversations.priority, c.priority),
          and(eq(conversations.priority, c.priority), lt(conversations.waitingSince, c.waitingSince)),
          and(
            eq(conversations.priority, c.priority),
            eq(conversations.waitingSince, c.waitingSince),
            lt(conversations.id, c.id),
          ),
        ),
      ),
    );
  return (row?.n ?? 0) + 1;
}

/** What the widget shows about its conversation (`config`: the workspace's, from its cache). */
export async function visitorState(
  deps: Deps,
  {
    config,
    conversation,
    contactId,
  }: {
    config: QueueConfig;
    conversation: typeof conversations.$inferSelect | null;
    contactId: string | null;
  },
): Promise<VisitorState> {
  const { settings } = config;
  const online = config.agentsOnline > 0;
  const withinHours = isWithinHours(settings.businessHours, deps.now());
  let agentName: string | null = null;
  if (conversation?.assigneeId) {
    const [u] = await deps.db.select({ name: users.name }).from(users).where(eq(users.id, conversation.assigneeId));
    agentName = u?.name ?? null;
  }
  let contactEmail: string | null = null;
  if (contactId) {
    const [c] = await deps.db.select({ email: contacts.email }).from(contacts).where(eq(contacts.id, contactId));
    contactEmail = c?.email ?? null;
  }
  const status = conversation?.status ?? 'bot';
  const position = conversation ? await queuePosition(deps.db, conversation) : null;
  const estimateS =
    status === 'waiting' && conversation
      ? estimateWaitS(
          await typicalFirstResponseS(deps.db, conversation.workspaceId, deps.now()),
          position,
          config.agentsOnline,
        )
      : null;
  return {
    conversationId: conversation?.id ?? null,
    status,
    queuePosition: position,
    agentName,
    agentsOnline: online,
    withinHours,
    askEmail: config.mails && status === 'waiting' && (!online || !withinHours) && !contactEmail,
    contactEmail,
    estimateS,
    offerEmail: config.mails && estimateS !== null && estimateS > settings.targets.offerEmailAboveS && !contactEmail,
  };
}

/**
 * The state of every waiting chat of a workspace, in six queries whatever their number (used to
 * tell each waiting visitor their new place in line after the queue moves).
 */
export async function waitingStates(deps: Deps, workspaceId: string, config: QueueConfig): Promise<VisitorState[]> {
  const rows = await deps.db
    .select({ c: conversations, email: contacts.email })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.status, 'waiting')))
    .orderBy(...LINE_ORDER);
  if (!rows.length) return [];
  const { settings } = config;
  const online = config.agentsOnline > 0;
  const withinHours = isWithinHours(settings.businessHours, deps.now());
  const typical = await typicalFirstResponseS(deps.db, workspaceId, deps.now());
  return rows.map(({ c, email }, i) => {
    const estimateS = estimateWaitS(typical, i + 1, config.agentsOnline);
    return {
      conversationId: c.id,
      status: 'waiting' as const,
      queuePosition: i + 1,
      agentName: null,
      agentsOnline: online,
      withinHours,
      askEmail: config.mails && (!online || !withinHours) && !email,
      contactEmail: email,
      estimateS,
      offerEmail: config.mails && estimateS !== null && estimateS > settings.targets.offerEmailAboveS && !email,
    };
  });
}
