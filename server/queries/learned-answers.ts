/** What the team taught, as the owner reviews it (Settings → Knowledge → Learned from the team). */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { learnedAnswers, users } from '../../db/schema';

export async function learnedAnswersOf(db: Queryable, workspaceId: string, limit = 500) {
  return db
    .select({
      id: learnedAnswers.id,
      conversationId: learnedAnswers.conversationId,
      question: learnedAnswers.question,
      answer: learnedAnswers.answer,
      authorName: users.name,
      createdAt: learnedAnswers.createdAt,
    })
    .from(learnedAnswers)
    .leftJoin(users, eq(users.id, learnedAnswers.authorId))
    .where(and(eq(learnedAnswers.workspaceId, workspaceId), isNull(learnedAnswers.removedAt)))
    .orderBy(desc(learnedAnswers.createdAt))
    .limit(limit);
}

export type LearnedAnswerView = Awaited<ReturnType<typeof learnedAnswersOf>>[number];
