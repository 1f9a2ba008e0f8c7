/** A contact's card. */
import { z } from 'zod';
import type { contacts } from '../../db/schema';

export const ContactOut = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string(),
  attributes: z.record(z.string(), z.string()),
});

export const presentContact = (c: typeof contacts.$inferSelect): z.infer<typeof ContactOut> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  notes: c.notes,
  attributes: c.attributes,
});
