/** A contact's details (the widget's "leave your email", the dashboard's edits). */
import { and, eq } from 'drizzle-orm';
import { contacts } from '../../db/schema';
import { AppError } from '../errors';
import { unitOfWork, type Deps } from './unit';

export async function updateContact(
  deps: Deps,
  input: {
    workspaceId: string;
    contactId: string;
    email?: string;
    name?: string;
    phone?: string;
    conversationId?: string | null;
    actor: 'visitor' | 'user' | 'bot';
    actorId?: string | null;
  },
) {
  const patch = Object.fromEntries(
    Object.entries({ email: input.email, name: input.name, phone: input.phone }).filter(([, v]) => v !== undefined),
  );
  if (!Object.keys(patch).length)
    throw new AppError('invalid_input', 'nothing to change: send an email, a name or a phone number');
  return unitOfWork(deps, async (tx, record) => {
    const [contact] = await tx
      .update(contacts)
      .set(patch)
      .where(and(eq(contacts.id, input.contactId), eq(contacts.workspaceId, input.workspaceId)))
      .returning();
    if (!contact) throw new AppError('not_found', 'no such contact');
    await record({
      workspaceId: input.workspaceId,
      name: 'contact.updated',
      conversationId: input.conversationId ?? null,
      actorType: input.actor,
      actorId: input.actorId ?? null,
      data: { contactId: contact.id, fields: Object.keys(patch) },
    });
    return contact;
  });
}
