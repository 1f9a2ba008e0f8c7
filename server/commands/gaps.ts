/**
 * Knowledge gaps: questions the AI could not answer and questions that ended with a person,
 * grouped by meaning (engine/conversation/gaps), ranked by the human minutes they cost, each with
 * the answers people gave — the material for a new Q&A entry.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { groupGaps } from '../../engine/conversation/gaps';
import { conversations, messages } from '../../db/schema';
import { tagFeedMinutes } from './analytics';
import type { GapGroup } from '../../protocol/analytics';
import type { Deps } from './unit';

export type GapGroupOut = GapGroup;

export async function knowledgeGaps(deps: Deps, workspaceId: string, from: Date, to: Date): Promise<GapGroupOut[]> {
  const convs = await deps.db
    .select({ id: conversations.id, handoffReason: conversations.handoffReason, status: conversations.status })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        gte(conversations.createdAt, from),
        lt(conversations.createdAt, to),
      ),
    );
  if (!convs.length) return [];
  const ids = convs.map((c) => c.id);
  const rows = await deps.db
    .select()
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), inArray(messages.conversationId, ids), eq(messages.kind, 'text')))
    .orderBy(asc(messages.conversationId), asc(messages.seq));
  const minutes = await tagFeedMinutes(deps, workspaceId, from, to);
  const handedOff = new Set(
    rows.filter((m) => m.authorType === 'bot' && m.meta.handoff === true).map((m) => m.conversationId),
  );
  for (const c of convs) if (c.handoffReason) handedOff.add(c.id);

  type Item = { id: string; conversationId: string; text: string; handedOff: boolean; weight: number };
  const items: Item[] = [];
  for (const m of rows) {
    // An unanswered question: the bot abstained on it.
    if (m.authorType === 'bot' && m.meta.abstained === true && typeof m.meta.question === 'string') {
      items.push({
        id: `q:${m.id}`,
        conversationId: m.conversationId,
        text: m.meta.question,
        handedOff: handedOff.has(m.conversationId),
        weight: 0,
      });
    }
  }
  for (const id of handedOff) {
    // A handed-off chat: its visitor's first real question (not "talk to a person").
    const first = rows.find(
      (m) => m.conversationId === id && m.authorType === 'visitor' && m.body.split(/\s+/).length >= 3,
    );
    if (first && !items.some((i) => i.conversationId === id && i.text === first.body)) {
      items.push({ id: `h:${first.id}`, conversationId: id, text: first.body, handedOff: true, weight: 0 });
    }
  }
  // A chat's minutes are shared by its gap questions, so a group's weight counts each minute once.
  for (const id of new Set(items.map((i) => i.conversationId))) {
    const mine = items.filter((i) => i.conversationId === id);
    for (const i of mine) i.weight = (minutes.get(id) ?? 0) / mine.length;
  }
  const groups = groupGaps(items.map((i) => ({ id: i.id, text: i.text, weight: i.weight })));
  return groups.map((g) => {
    const members = g.items.map((id) => items.find((i) => i.id === id)!);
    const convIds = new Set(members.map((m) => m.conversationId));
    return {
      label: g.label,
      questions: members.map((m) => ({ conversationId: m.conversationId, text: m.text, handedOff: m.handedOff })),
      count: g.count,
      humanMinutes: Math.round(g.weight * 10) / 10,
      answers: rows
        .filter((m) => convIds.has(m.conversationId) && m.authorType === 'agent')
        .map((m) => ({ conversationId: m.conversationId, text: m.body, author: m.authorId })),
    };
  });
}

/** Drafts a Q&A entry from a group: its label as the question, the others as phrasings, the people's answers joined. */
export function draftQa(group: Pick<GapGroupOut, 'label' | 'questions' | 'answers'>): {
  question: string;
  alternates: string[];
  answer: string;
} {
  const alternates = [...new Set(group.questions.map((q) => q.text).filter((t) => t !== group.label))].slice(0, 10);
  // The most substantial human answers first; greetings and one-word replies are not answers.
  const answers = [...new Set(group.answers.map((a) => a.text.trim()))]
    .filter((t) => t.split(/\s+/).length >= 5)
    .sort((a, b) => b.length - a.length)
    .slice(0, 2);
  return { question: group.label, alternates, answer: answers.join('\n\n') };
}
