/**
 * Tags on conversations and contacts. An agent adding a topic tag, or removing an auto tag,
 * teaches the tagger (a tag_feedback row with the visitor's words).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { contacts, contactTags, conversations, conversationTags, messages, tagFeedback, tags } from '../../db/schema';
import { AppError } from '../errors';
import { unitOfWork, type Deps, type Record_ } from './unit';

/** The visitor's words in a conversation: what the tagger reads. */
async function visitorText(tx: Tx, conversationId: string): Promise<string> {
  const rows = await tx
    .select({ body: messages.body })
    .from(messages)
    .where(
      and(eq(messages.conversationId, conversationId), eq(messages.authorType, 'visitor'), eq(messages.kind, 'text')),
    )
    .orderBy(asc(messages.seq))
    .limit(3);
  return rows.map((r) => r.body).join('\n');
}

async function tagOf(tx: Tx, workspaceId: string, tagId: string) {
  const [tag] = await tx
    .select()
    .from(tags)
    .where(and(eq(tags.id, tagId), eq(tags.workspaceId, workspaceId)));
  if (!tag) throw new AppError('not_found', 'no such tag');
  return tag;
}

async function conversationOf(tx: Tx, workspaceId: string, conversationId: string) {
  const [c] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.workspaceId, workspaceId)));
  if (!c) throw new AppError('not_found', 'no such conversation');
  return c;
}

export async function tagConversation(
  deps: Deps,
  input: { workspaceId: string; conversationId: string; tagId: string; userId: string | null },
) {
  return unitOfWork(deps, async (tx, record) => {
    const c = await conversationOf(tx, input.workspaceId, input.conversationId);
    const tag = await tagOf(tx, input.workspaceId, input.tagId);
    await tx
      .insert(conversationTags)
      .values({ conversationId: c.id, tagId: tag.id, source: 'manual', addedBy: input.userId, confidence: null })
      .onConflictDoUpdate({
        target: [conversationTags.conversationId, conversationTags.tagId],
        set: { source: 'manual', addedBy: input.userId, confidence: null },
      });
    const text = await visitorText(tx, c.id);
    if (tag.kind === 'topic' && text) {
      await tx.insert(tagFeedback).values({
        workspaceId: input.workspaceId,
        tagId: tag.id,
        text,
        positive: true,
        conversationId: c.id,
        createdBy: input.userId,
      });
    }
    await record({
      workspaceId: input.workspaceId,
      name: 'conversation.tagged',
      conversationId: c.id,
      actorType: input.userId ? 'user' : 'api',
      actorId: input.userId,
      data: { tagId: tag.id, name: tag.name, source: 'manual' },
    });
  });
}

export async function untagConversation(
  deps: Deps,
  input: { workspaceId: string; conversationId: string; tagId: string; userId: string | null },
) {
  return unitOfWork(deps, async (tx, record) => {
    const c = await conversationOf(tx, input.workspaceId, input.conversationId);
    const tag = await tagOf(tx, input.workspaceId, input.tagId);
    const [removed] = await tx
      .delete(conversationTags)
      .where(and(eq(conversationTags.conversationId, c.id), eq(conversationTags.tagId, tag.id)))
      .returning();
    if (!removed) throw new AppError('not_found', 'this conversation does not have that tag');
    const text = await visitorText(tx, c.id);
    // Removing a tag the AI put on is a correction: "this is not about that".
    if (removed.source === 'auto' && text) {
      await tx.insert(tagFeedback).values({
        workspaceId: input.workspaceId,
        tagId: tag.id,
        text,
        positive: false,
        conversationId: c.id,
        createdBy: input.userId,
      });
    }
    await record({
      workspaceId: input.workspaceId,
      name: 'conversation.untagged',
      conversationId: c.id,
      actorType: input.userId ? 'user' : 'api',
      actorId: input.userId,
      data: { tagId: tag.id, name: tag.name, was: removed.source },
    });
  });
}

/** A contact-level tag (VIP, high-value) shows on all the contact's conversations and raises their priority. */
export async function setContactTag(
  deps: Deps,
  input: { workspaceId: string; contactId: string; tagId: string; on: boolean; userId: string | null },
) {
  return unitOfWork(deps, async (tx, record) => {
    const [contact] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, input.contactId), eq(contacts.workspaceId, input.workspaceId)));
    if (!contact) throw new AppError('not_found', 'no such contact');
    const tag = await tagOf(tx, input.workspaceId, input.tagId);
    if (input.on) await tx.insert(contactTags).values({ contactId: contact.id, tagId: tag.id }).onConflictDoNothing();
    else await tx.delete(contactTags).where(and(eq(contactTags.contactId, contact.id), eq(contactTags.tagId, tag.id)));
    const remaining = await tx.select().from(contactTags).where(eq(contactTags.contactId, contact.id));
    await tx
      .update(conversations)
      .set({ priority: remaining.length ? 1 : 0 })
      .where(and(eq(conversations.contactId, contact.id), eq(conversations.workspaceId, input.workspaceId)));
    await record({
      workspaceId: input.workspaceId,
      name: 'contact.updated',
      actorType: input.userId ? 'user' : 'api',
      actorId: input.userId,
      data: { contactId: contact.id, tagId: tag.id, tagged: input.on },
    });
  });
}

/**
 * Tags a conversation with a topic the tagger read (the handoff's unit of work): no feedback, as an
 * automatic tag teaches the tagger nothing; a tag already there stays as it is.
 */
export async function autoTagInTx(
  tx: Tx,
  record: Record_,
  input: { workspaceId: string; conversationId: string; tagId: string; confidence: number },
): Promise<void> {
  await tx
    .insert(conversationTags)
    .values({ conversationId: input.conversationId, tagId: input.tagId, source: 'auto', confidence: input.confidence })
    .onConflictDoNothing();
  await record({
    workspaceId: input.workspaceId,
    name: 'conversation.tagged',
    conversationId: input.conversationId,
    actorType: 'bot',
    data: { tagId: input.tagId, source: 'auto', confidence: input.confidence },
  });
}

/** A conversation whose contact has a contact tag (VIP, high-value) goes ahead in the queue. */
export async function priorityFromContactTagsInTx(tx: Tx, conversationId: string): Promise<void> {
  const [tagged] = await tx
    .select({ tagId: contactTags.tagId })
    .from(contactTags)
    .innerJoin(conversations, eq(conversations.contactId, contactTags.contactId))
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (tagged) await tx.update(conversations).set({ priority: 1 }).where(eq(conversations.id, conversationId));
}
