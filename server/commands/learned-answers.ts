/**
 * What the team taught: after an agent's reply, the chat's question–reply pairs are remembered
 * (with the customer's details taken out, engine/copilot) as candidate answers; the owner removes
 * what should not be suggested again. One unit of work each, with its events.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { contacts, conversations, learnedAnswers, messages } from '../../db/schema';
import { lessonsOf } from '../../engine/copilot/lessons';
import { AppError } from '../errors';
import { unitOfWork, type Deps } from './unit';

export type LearnedAnswerRow = typeof learnedAnswers.$inferSelect;

/**
 * Learns from a conversation's thread as it stands: each visitor question with the team reply
 * that answered it. A pair already remembered is updated when a better reply came, never revived
 * once the owner removed it. Returns the entries added or changed.
 */
export async function learnFromReplies(
  deps: Deps,
  input: { workspaceId: string; conversationId: string },
): Promise<LearnedAnswerRow[]> {
  const [c] = await deps.db
    .select({ contactId: conversations.contactId })
    .from(conversations)
    .where(and(eq(conversations.id, input.conversationId), eq(conversations.workspaceId, input.workspaceId)));
  if (!c) return [];
  const [contact] = await deps.db
    .select({ name: contacts.name, email: contacts.email, phone: contacts.phone })
    .from(contacts)
    .where(eq(contacts.id, c.contactId));
  const thread = await deps.db
    .select({ id: messages.id, authorType: messages.authorType, authorId: messages.authorId, body: messages.body })
    .from(messages)
    .where(and(eq(messages.conversationId, input.conversationId), eq(messages.kind, 'text')))
    .orderBy(asc(messages.seq));
  const { learned } = lessonsOf(
    thread
      .filter((m) => m.authorType !== 'system')
      .map((m) => ({ id: m.id, author: m.authorType as 'visitor' | 'bot' | 'agent', text: m.body })),
    contact ?? {},
  );
  if (!learned.length) return [];
  const known = await deps.db
    .select()
    .from(learnedAnswers)
    .where(
      and(
        eq(learnedAnswers.workspaceId, input.workspaceId),
        inArray(
          learnedAnswers.questionMessageId,
          learned.map((l) => l.questionId),
        ),
      ),
    );
  const fresh = learned.filter((l) => {
    const k = known.find((x) => x.questionMessageId === l.questionId);
    return !k || (!k.removedAt && (k.replyMessageId !== l.replyId || k.answer !== l.answer));
  });
  if (!fresh.length) return [];
  const authorOf = new Map(thread.map((m) => [m.id, m.authorId]));
  return unitOfWork(deps, async (tx, record) => {
    const out: LearnedAnswerRow[] = [];
    for (const l of fresh) {
      const values = {
        workspaceId: input.workspaceId,
        conversationId: input.conversationId,
        questionMessageId: l.questionId,
        replyMessageId: l.replyId,
        authorId: authorOf.get(l.replyId) ?? null,
        question: l.question,
        answer: l.answer,
        createdAt: deps.now(),
      };
      const [row] = await tx
        .insert(learnedAnswers)
        .values(values)
        .onConflictDoUpdate({
          target: [learnedAnswers.workspaceId, learnedAnswers.questionMessageId],
          set: { replyMessageId: values.replyMessageId, authorId: values.authorId, answer: values.answer },
          setWhere: isNull(learnedAnswers.removedAt),
        })
        .returning();
      if (!row) continue;
      out.push(row);
      await record({
        workspaceId: input.workspaceId,
        name: 'learned_answer.created',
        conversationId: input.conversationId,
        actorType: 'system',
        data: { learnedAnswerId: row.id, replyMessageId: row.replyMessageId },
      });
    }
    return out;
  });
}

/** The owner removes a learned answer: it is never suggested, nor learned again from that chat. */
export async function removeLearnedAnswer(
  deps: Deps,
  input: { workspaceId: string; id: string; actor: { type: 'user' | 'api'; id?: string | null } },
): Promise<void> {
  await unitOfWork(deps, async (tx, record) => {
    const [row] = await tx
      .update(learnedAnswers)
      .set({ removedAt: deps.now() })
      .where(
        and(
          eq(learnedAnswers.id, input.id),
          eq(learnedAnswers.workspaceId, input.workspaceId),
          isNull(learnedAnswers.removedAt),
        ),
      )
      .returning({ id: learnedAnswers.id, conversationId: learnedAnswers.conversationId });
    if (!row) throw new AppError('not_found', 'no such learned answer');
    await record({
      workspaceId: input.workspaceId,
      name: 'learned_answer.removed',
      conversationId: row.conversationId,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      data: { learnedAnswerId: row.id },
    });
  });
}
