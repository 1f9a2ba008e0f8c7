/** Reads of a workspace's canned replies. */
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { cannedReplies } from '../../db/schema';

/** The workspace's canned replies, by shortcut. */
export function listCannedReplies(db: Queryable, workspaceId: string) {
  return db
    .select()
    .from(cannedReplies)
    .where(eq(cannedReplies.workspaceId, workspaceId))
    .orderBy(asc(cannedReplies.shortcut));
}
