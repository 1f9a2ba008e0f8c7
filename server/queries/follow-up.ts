/** What the widget may offer a visitor once their conversation is resolved (rating, transcript). */
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { satisfactionRatings, workspaces } from '../../db/schema';
import type { FollowUpState } from '../../protocol/socket';
import { ratingRefusal, transcriptRefusal } from '../domain/follow-up';
import { readSettings } from '../domain/settings';
import { visitorConversation, type VisitorRef } from './visitor-conversation';

export async function followUpState(
  db: Queryable,
  visitor: VisitorRef,
  conversationId: string,
  /** Whether this server can send email (the transcript is offered only then). */
  mails: boolean,
): Promise<FollowUpState> {
  const { conversation: c, contact } = await visitorConversation(db, visitor, conversationId);
  const [w] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, c.workspaceId));
  const settings = readSettings(w?.settings);
  const [rated] = c.resolvedAt
    ? await db
        .select({ comment: satisfactionRatings.comment })
        .from(satisfactionRatings)
        .where(and(eq(satisfactionRatings.conversationId, c.id), eq(satisfactionRatings.resolvedAt, c.resolvedAt)))
    : [];
  return {
    rating: rated ? 'rated' : ratingRefusal(settings, c) ? 'off' : 'ask',
    commented: !!rated?.comment,
    transcript: !transcriptRefusal(settings, c, mails),
    email: contact.email,
  };
}
