/** A contact's details (the widget's "leave your email", the dashboard's edits, details the visitor gave in the chat). */
import { and, asc, eq } from 'drizzle-orm';
import { contacts, conversations, messages } from '../../db/schema';
import { captureDetails } from '../../engine/conversation/details';
import { AppError } from '../errors';
import { unitOfWork, type Deps } from './unit';

/** A field set to null is cleared; one left out is kept. */
export interface ContactChange {
  email?: string | null;
  name?: string | null;
  phone?: string | null;
  notes?: string;
}

export async function updateContact(
  deps: Deps,
  input: ContactChange & {
    workspaceId: string;
    contactId: string;
    conversationId?: string | null;
    actor: 'visitor' | 'user' | 'bot' | 'api';
    actorId?: string | null;
  },
) {
  const patch = Object.fromEntries(
    Object.entries({ email: input.email, name: input.name, phone: input.phone, notes: input.notes }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as ContactChange;
  if (!Object.keys(patch).length)
    throw new AppError('invalid_input', 'nothing to change: send a name, an email, a phone number or notes');
  return unitOfWork(deps, async (tx, record) => {
    const [before] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, input.contactId), eq(contacts.workspaceId, input.workspaceId)));
    if (!before) throw new AppError('not_found', 'no such contact');
    const [contact] = await tx.update(contacts).set(patch).where(eq(contacts.id, before.id)).returning();
    // Only what really changed is recorded (the audit log names fields, never the values).
    const fields = (Object.keys(patch) as (keyof ContactChange)[]).filter((k) => before[k] !== contact[k]);
    if (fields.length)
      await record({
        workspaceId: input.workspaceId,
        name: 'contact.updated',
        conversationId: input.conversationId ?? null,
        actorType: input.actor,
        actorId: input.actorId ?? null,
        data: { contactId: contact.id, fields },
      });
    return contact;
  });
}

type Captured = ReturnType<typeof captureDetails>;
const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;

/**
 * Reads the details the visitor gave anywhere in the chat (before and after the handoff, with the
 * product's capture rules) onto the handoff card, and into the contact's empty fields: what a
 * person typed into the contact is never overwritten. Records `contact.updated` when anything
 * changed, so open dashboards re-read the conversation.
 */
export async function captureChatDetails(
  deps: Deps,
  input: { workspaceId: string; conversationId: string },
): Promise<{ details: Captured; contactFields: string[]; cardFields: string[] }> {
  return unitOfWork(deps, async (tx, record) => {
    const [c] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, input.conversationId), eq(conversations.workspaceId, input.workspaceId)))
      .for('update');
    if (!c) throw new AppError('not_found', 'no such conversation');
    const said = await tx
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.conversationId, c.id), eq(messages.authorType, 'visitor'), eq(messages.kind, 'text')))
      .orderBy(asc(messages.seq));
    const details = captureDetails(said.map((m) => m.body));

    const cardFields: string[] = [];
    if (c.handoffCard) {
      const before = (c.handoffCard.details ?? {}) as Record<string, unknown>;
      const merged: Record<string, unknown> = { ...before, ...details };
      for (const k of Object.keys(merged)) if (merged[k] !== before[k]) cardFields.push(k);
      if (cardFields.length)
        await tx
          .update(conversations)
          .set({ handoffCard: { ...c.handoffCard, details: merged } })
          .where(eq(conversations.id, c.id));
    }

    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, c.contactId));
    const fill: ContactChange = {};
    for (const k of CONTACT_FIELDS) if (details[k] && !contact[k]) fill[k] = details[k];
    const contactFields = Object.keys(fill);
    if (contactFields.length) await tx.update(contacts).set(fill).where(eq(contacts.id, contact.id));

    if (cardFields.length || contactFields.length) {
      // Open dashboards re-read the conversation, and its contact with it.
      await tx.update(conversations).set({ updatedAt: deps.now() }).where(eq(conversations.id, c.id));
      await record({
        workspaceId: input.workspaceId,
        name: 'contact.updated',
        conversationId: c.id,
        actorType: 'bot',
        data: { contactId: contact.id, fields: contactFields, cardFields },
      });
    }
    return { details, contactFields, cardFields };
  });
}
