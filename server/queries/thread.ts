/** A conversation's thread as an audience may see it, and a visitor's current conversation. */
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { contacts, conversations, messages } from '../../db/schema';
import type { Conversation, Message } from '../commands/conversations';
import { getConversation } from './conversation';
import { isVisibleTo, type Audience } from '../domain/visibility';
import { readSettings } from '../domain/settings';
import { getWorkspace } from './workspace';
import { withDetails } from './inbox';

/** Messages after a sequence number that the audience may see (for catch-up on reconnect), meta whole. */
export async function messagesAfter(
  db: Queryable,
  input: { workspaceId: string; conversationId: string; afterSeq: number; audience: Audience; limit?: number },
) {
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, input.workspaceId),
        eq(messages.conversationId, input.conversationId),
        gt(messages.seq, input.afterSeq),
      ),
    )
    .orderBy(asc(messages.seq))
    .limit(input.limit ?? 500);
  // The meta is cut to the audience's view when presented (presenters/message.ts), after the names
  // it holds ids of (who joined) are read: cut here, a visitor's catch-up lost them.
  return rows.filter((m) => isVisibleTo(m, input.audience));
}

/** The visitor's current conversation: the most recent one (a resolved one resumes when they write). */
export async function latestConversationFor(
  db: Queryable,
  workspaceId: string,
  contactId: string,
): Promise<Conversation | null> {
  const [c] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.contactId, contactId)))
    .orderBy(desc(conversations.createdAt))
    .limit(1);
  return c ?? null;
}

/** One conversation for the inbox with its whole thread (notes and events included), and the bot's name. */
export async function conversationThread(db: Queryable, workspaceId: string, conversationId: string) {
  const c = await getConversation(db, workspaceId, conversationId);
  const rows = await messagesAfter(db, {
    workspaceId,
    conversationId: c.id,
    afterSeq: 0,
    audience: 'agent',
    limit: 2000,
  });
  const botName = readSettings((await getWorkspace(db, workspaceId)).settings).widget.botName;
  const [conversation] = await withDetails(db, [c]);
  return { conversation, messages: rows, botName };
}

/** A widget visitor's contact, if they have written before. */
export async function visitorContact(db: Queryable, workspaceId: string, visitorId: string) {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.visitorId, visitorId)));
  return row ?? null;
}

/** A widget visitor's contact (`contact` when the caller knows it) and current conversation, if any. */
export async function visitorCurrent(
  db: Queryable,
  v: { workspaceId: string; visitorId: string; contact: { id: string } | null },
) {
  const contact = v.contact ?? (await visitorContact(db, v.workspaceId, v.visitorId));
  const conversation = contact ? await latestConversationFor(db, v.workspaceId, contact.id) : null;
  return { contact, conversation };
}

/** A message as the bot's turn reads it: without the stored citations (the largest part). */
export interface TurnMessage {
  id: string;
  seq: number;
  clientId: string;
  authorType: Message['authorType'];
  kind: Message['kind'];
  body: string;
  meta: { event?: unknown; to?: unknown; abstained?: unknown; question?: unknown };
}

/** The thread after `afterSeq`, as the bot's turn reads it (it keeps what it read before). */
export async function turnThreadAfter(db: Queryable, conversationId: string, afterSeq: number): Promise<TurnMessage[]> {
  return db
    .select({
      id: messages.id,
      seq: messages.seq,
      clientId: messages.clientId,
      authorType: messages.authorType,
      kind: messages.kind,
      body: messages.body,
      meta: sql<TurnMessage['meta']>`jsonb_build_object(
        'event', ${messages.meta}->'event',
        'to', ${messages.meta}->'to',
        'abstained', ${messages.meta}->'abstained',
        'question', ${messages.meta}->'question')`,
    })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq));
}
