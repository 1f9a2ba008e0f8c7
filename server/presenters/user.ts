/** A user as others see them: never the password hash. */
import { z } from 'zod';
import type { users } from '../../db/schema';
import type { User } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';

export const UserOut = z.object({ id: z.string(), email: z.string(), name: z.string() });
type _SameAsProtocol = Expect<Equal<z.infer<typeof UserOut>, User>>;

export const presentUser = (u: typeof users.$inferSelect): z.infer<typeof UserOut> => ({
  id: u.id,
  email: u.email,
  name: u.name,
});
