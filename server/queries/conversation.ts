/** One conversation of a workspace, by id. */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { conversations } from '../../db/schema';
import { AppError } from '../errors';

/** A conversation as stored (also exported by commands/conversations.ts, its writer). */
export type Conversation = typeof conversations.$inferSelect;

/** Loads a conversation of the workspace, or throws not_found (never another workspace's). */
export async function getConversation(db: Queryable, workspaceId: string, id: string): Promise<Conversation> {
  const [c] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)));
  if (!c) throw new AppError('not_found', 'no such conversation');
  return c;
}
