/** A contact's card. */
import { z } from 'zod';
import type { contacts } from '../../db/schema';
import type { ContactDetail } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';
import { ConversationOut } from './conversation';

export const ContactOut = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string(),
  attributes: z.record(z.string(), z.string()),
});

/** A contact's card with their tags and past conversations. */
export const ContactDetailOut = ContactOut.extend({
  tags: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
  conversations: z.array(ConversationOut),
});
type _SameAsProtocol = Expect<Equal<z.infer<typeof ContactDetailOut>, ContactDetail>>;

export const presentContact = (c: typeof contacts.$inferSelect): z.infer<typeof ContactOut> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  notes: c.notes,
  attributes: c.attributes,
});
