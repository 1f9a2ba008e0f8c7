/** A conversation as its own visitor may reach it: through the contact their signed token names. */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { contacts, conversations } from '../../db/schema';
import { AppError } from '../errors';

export interface VisitorRef {
  workspaceId: string;
  /** From the signed visitor token (server/auth/visitor-token.ts), never from the payload. */
  visitorId: string;
}

/**
 * The conversation and its contact when it belongs to this visitor; any other conversation (another
 * visitor's, another workspace's, none) reads as "not found", so a guessed id tells nothing.
 */
export async function visitorConversation(db: Queryable, visitor: VisitorRef, conversationId: string) {
  const [row] = await db
    .select({ conversation: conversations, contact: contacts })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(
      and(
        eq(conversations.id, conversationId),
        eq(conversations.workspaceId, visitor.workspaceId),
        eq(contacts.visitorId, visitor.visitorId),
      ),
    );
  if (!row) throw new AppError('not_found', 'no such conversation');
  return row;
}
