/**
 * The visitor's "How did we do?": a rating once per resolution of their conversation, then an
 * optional comment once. Each is written with its event and an agents-only line in the thread.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { conversations, satisfactionRatings, workspaces } from '../../db/schema';
import { handledBy, ratingRefusal, type Rating } from '../domain/follow-up';
import { readSettings } from '../domain/settings';
import { AppError } from '../errors';
import { visitorConversation, type VisitorRef } from '../queries/visitor-conversation';
import { appendInTx } from './conversations';
import { isUniqueViolation, unitOfWork, type Deps, type Record_ } from './unit';

export type SatisfactionRating = typeof satisfactionRatings.$inferSelect;

/** Locks the visitor's conversation for the unit's length (a resolve or resume waits for it). */
async function lockedConversation(tx: Tx, visitor: VisitorRef, conversationId: string) {
  const { conversation } = await visitorConversation(tx, visitor, conversationId);
  const [c] = await tx.select().from(conversations).where(eq(conversations.id, conversation.id)).for('update');
  const [w] = await tx
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, c.workspaceId));
  return { c, settings: readSettings(w?.settings) };
}

const threadLine = (
  tx: Tx,
  record: Record_,
  now: Date,
  r: SatisfactionRating,
  event: 'csat.submitted' | 'csat.commented',
) =>
  appendInTx(tx, record, now, {
    workspaceId: r.workspaceId,
    conversationId: r.conversationId,
    clientId: `${event}:${r.id}`,
    authorType: 'system',
    kind: 'event',
    body: '',
    meta: { event, rating: r.rating, ...(r.comment ? { comment: r.comment } : {}) },
  });

/** Rates the visitor's resolved conversation; a second rating of the same resolution is a `conflict`. */
export async function rateConversation(
  deps: Deps,
  input: VisitorRef & { conversationId: string; rating: Rating },
): Promise<SatisfactionRating> {
  try {
    return await unitOfWork(deps, async (tx, record) => {
      const { c, settings } = await lockedConversation(tx, input, input.conversationId);
      const refusal = ratingRefusal(settings, c);
      if (refusal) throw new AppError(refusal.code, refusal.message);
      const now = deps.now();
      const [r] = await tx
        .insert(satisfactionRatings)
        .values({
          workspaceId: c.workspaceId,
          conversationId: c.id,
          resolvedAt: c.resolvedAt ?? now,
          rating: input.rating,
          handledBy: handledBy(c),
          agentId: c.assigneeId,
          createdAt: now,
        })
        .returning();
      await record({
        workspaceId: c.workspaceId,
        name: 'csat.submitted',
        conversationId: c.id,
        actorType: 'visitor',
        actorId: input.visitorId,
        data: { ratingId: r.id, rating: r.rating, handledBy: r.handledBy, agentId: r.agentId },
      });
      await threadLine(tx, record, now, r, 'csat.submitted');
      return r;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'satisfaction_conv_resolution'))
      throw new AppError('conflict', 'this conversation is already rated');
    throw err;
  }
}

/** Adds the visitor's comment to their rating of the current resolution, once. */
export async function commentOnRating(
  deps: Deps,
  input: VisitorRef & { conversationId: string; comment: string },
): Promise<SatisfactionRating> {
  return unitOfWork(deps, async (tx, record) => {
    const { c } = await lockedConversation(tx, input, input.conversationId);
    if (c.status !== 'resolved' || !c.resolvedAt)
      throw new AppError('conflict', 'only a resolved conversation can be rated');
    const [r] = await tx
      .update(satisfactionRatings)
      .set({ comment: input.comment })
      .where(
        and(
          eq(satisfactionRatings.conversationId, c.id),
          eq(satisfactionRatings.resolvedAt, c.resolvedAt),
          // Once: a comment already given is not replaced.
          isNull(satisfactionRatings.comment),
        ),
      )
      .returning();
    if (!r) throw new AppError('conflict', 'rate the conversation first; a comment is accepted once');
    await record({
      workspaceId: c.workspaceId,
      name: 'csat.commented',
      conversationId: c.id,
      actorType: 'visitor',
      actorId: input.visitorId,
      data: { ratingId: r.id, rating: r.rating, comment: r.comment },
    });
    await threadLine(tx, record, deps.now(), r, 'csat.commented');
    return r;
  });
}
