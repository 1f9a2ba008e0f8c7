/** A user as others see them: never the password hash. */
import { z } from 'zod';
import type { users } from '../../db/schema';

export const UserOut = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const presentUser = (u: typeof users.$inferSelect): z.infer<typeof UserOut> => ({
  id: u.id,
  email: u.email,
  name: u.name,
});
