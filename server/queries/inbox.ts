/** The inbox: conversations by view and filter, each with its contact, tags, preview and place in line. */
import { and, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { contacts, contactTags, conversations, conversationTags, messages, tags } from '../../db/schema';
import type { Conversation } from '../commands/conversations';
import { AppError } from '../errors';
import { LINE_ORDER, queuePosition } from './queue';

export type InboxView = 'waiting' | 'mine' | 'open' | 'resolved' | 'all';

export interface InboxFilter {
  workspaceId: string;
  /** Who asks ("mine"); null for an API key. */
  userId: string | null;
  view: InboxView;
  tagId?: string;
  teamId?: string;
  q?: string;
  limit: number;
}

/** A conversation as the inbox lists it. */
export interface InboxConversation extends Conversation {
  contact: { id: string; name: string | null; email: string | null };
  tags: {
    id: string;
    name: string;
    color: string;
    source: 'auto' | 'manual' | 'contact';
    confidence: number | null;
  }[];
  preview: string | null;
  queuePosition: number | null;
}

/** The conversations of a view: waiting ones in line order (queue.ts), others newest first. */
export async function inbox(db: Queryable, f: InboxFilter): Promise<InboxConversation[]> {
  const where: (SQL | undefined)[] = [eq(conversations.workspaceId, f.workspaceId)];
  if (f.view === 'waiting') where.push(eq(conversations.status, 'waiting'));
  if (f.view === 'mine')
    where.push(
      and(
        eq(conversations.status, 'human'),
        eq(conversations.assigneeId, f.userId ?? '00000000-0000-0000-0000-000000000000'),
      ),
    );
  if (f.view === 'open') where.push(inArray(conversations.status, ['waiting', 'human']));
  if (f.view === 'resolved') where.push(eq(conversations.status, 'resolved'));
  if (f.teamId) where.push(eq(conversations.teamId, f.teamId));
  if (f.tagId)
    where.push(
      sql`exists (select 1 from ${conversationTags} ct where ct.conversation_id = ${conversations.id} and ct.tag_id = ${f.tagId})`,
    );
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    where.push(
      or(
        sql`exists (select 1 from ${messages} m where m.conversation_id = ${conversations.id} and m.body ilike ${like})`,
        sql`exists (select 1 from ${contacts} c where c.id = ${conversations.contactId} and (c.name ilike ${like} or c.email ilike ${like}))`,
      ),
    );
  }
  const order = f.view === 'waiting' ? LINE_ORDER : [desc(conversations.updatedAt)];
  const rows = await db
    .select()
    .from(conversations)
    .where(and(...where))
    .orderBy(...order)
    .limit(f.limit);
  return withDetails(db, rows);
}

/** Conversations with their contact, tags and last message, in three queries. */
export async function withDetails(db: Queryable, rows: Conversation[]): Promise<InboxConversation[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const contactIds = [...new Set(rows.map((r) => r.contactId))];
  const contactRows = await db.select().from(contacts).where(inArray(contacts.id, contactIds));
  const tagRows = await db
    .select({
      conversationId: conversationTags.conversationId,
      id: tags.id,
      name: tags.name,
      color: tags.color,
      source: conversationTags.source,
      confidence: conversationTags.confidence,
    })
    .from(conversationTags)
    .innerJoin(tags, eq(tags.id, conversationTags.tagId))
    .where(inArray(conversationTags.conversationId, ids));
  const contactTagRows = await db
    .select({ contactId: contactTags.contactId, id: tags.id, name: tags.name, color: tags.color })
    .from(contactTags)
    .innerJoin(tags, eq(tags.id, contactTags.tagId))
    .where(inArray(contactTags.contactId, contactIds));
  // The preview: the last thing a person said (the visitor or the team), not the bot's words:
  // in the queue, what the visitor asked reads better than the bot's answer or its goodbye.
  const last = await db
    .selectDistinctOn([messages.conversationId], { conversationId: messages.conversationId, body: messages.body })
    .from(messages)
    .where(and(inArray(messages.conversationId, ids), eq(messages.kind, 'text'), ne(messages.authorType, 'bot')))
    .orderBy(messages.conversationId, desc(messages.seq));
  const out: InboxConversation[] = [];
  for (const c of rows) {
    const contact = contactRows.find((x) => x.id === c.contactId);
    out.push({
      ...c,
      contact: { id: c.contactId, name: contact?.name ?? null, email: contact?.email ?? null },
      tags: [
        ...contactTagRows
          .filter((t) => t.contactId === c.contactId)
          .map(({ contactId: _c, ...t }) => ({ ...t, source: 'contact' as const, confidence: null })),
        ...tagRows.filter((t) => t.conversationId === c.id).map(({ conversationId: _c, ...t }) => t),
      ],
      preview: last.find((l) => l.conversationId === c.id)?.body.slice(0, 140) ?? null,
      queuePosition: await queuePosition(db, c),
    });
  }
  return out;
}

/** A contact's card: details, contact tags and their last 50 conversations (newest first). */
export async function contactWithConversations(db: Queryable, workspaceId: string, contactId: string) {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)));
  if (!contact) throw new AppError('not_found', 'no such contact');
  const contactTagRows = await db
    .select({ id: tags.id, name: tags.name, color: tags.color })
    .from(contactTags)
    .innerJoin(tags, eq(tags.id, contactTags.tagId))
    .where(eq(contactTags.contactId, contact.id));
  const convs = await db
    .select()
    .from(conversations)
    .where(eq(conversations.contactId, contact.id))
    .orderBy(desc(conversations.createdAt))
    .limit(50);
  return { contact, tags: contactTagRows, conversations: await withDetails(db, convs) };
}
