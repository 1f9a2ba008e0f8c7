/** A contact's details (the widget's "leave your email", the dashboard's edits, details the visitor gave in the chat). */
import { and, eq } from 'drizzle-orm';
import { contacts } from '../../db/schema';
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
