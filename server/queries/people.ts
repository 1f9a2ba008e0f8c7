/** People's names by user id (authors of messages, assignees named in events). */
import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { users } from '../../db/schema';

export async function userNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length)
    for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)))
      names.set(u.id, u.name);
  return names;
}
