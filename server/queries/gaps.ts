/**
 * Knowledge gaps: questions the AI could not answer and questions that ended with a person,
 * grouped by meaning (engine/conversation/gaps), ranked by the human minutes they cost, each with
 * the answers people gave — the material for a new Q&A entry.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { answersToQuestions, isPersonRequest } from '../../engine/conversation/gap-answers';
import { customerDetails, learnableQuestion, learnableReply } from '../../engine/copilot/scrub';
import { groupGaps } from '../../engine/conversation/gaps';
import { contacts, conversations, messages } from '../../db/schema';
import { tagFeedMinutes } from './analytics';
import type { GapGroup } from '../../protocol/analytics';
import type { Deps } from '../commands/unit';

export type GapGroupOut = GapGroup;

export async function knowledgeGaps(deps: Deps, workspaceId: string, from: Date, to: Date): Promise<GapGroupOut[]> {
  const convs = await deps.db
    .select({
      id: conversations.id,
      handoffReason: conversations.handoffReason,
      status: conversations.status,
      name: contacts.name,
      email: contacts.email,
      phone: contacts.phone,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
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

  type Item = {
    id: string;
    conversationId: string;
    text: string;
    handedOff: boolean;
    weight: number;
    answer?: { text: string; author: string | null };
  };
  const items: Item[] = [];
  const authorOf = new Map(rows.map((m) => [m.id, m.authorId]));
  const byConv = new Map<string, typeof rows>();
  for (const m of rows) byConv.set(m.conversationId, [...(byConv.get(m.conversationId) ?? []), m]);
  for (const c of convs) {
    const thread = byConv.get(c.id) ?? [];
    if (!thread.length) continue;
    // The customer's details, from the contact and from what they said: never in a draft.
    const who = customerDetails(
      thread.filter((m) => m.authorType === 'visitor').map((m) => m.body),
      { name: c.name, email: c.email, phone: c.phone },
    );
    const answers = answersToQuestions(
      thread
        .filter((m) => m.authorType !== 'system')
        .map((m) => ({ id: m.id, author: m.authorType as 'visitor' | 'bot' | 'agent', text: m.body })),
    );
    const add = (question: (typeof thread)[number], id: string) => {
      if (isPersonRequest(question.body)) return; // "a real person please" is not a gap in the knowledge
      // Order numbers, emails and phone numbers cut out where they stand; names taken out.
      const text = learnableQuestion(question.body, who);
      if (!text || items.some((i) => i.conversationId === c.id && i.text === text)) return;
      const answer = answers.get(question.id);
      // A reply about this one customer's order cannot be kept whole: no answer rather than theirs.
      const reply = answer ? learnableReply(answer.text, who) : null;
      items.push({
        id,
        conversationId: c.id,
        text,
        handedOff: handedOff.has(c.id),
        weight: 0,
        ...(reply ? { answer: { text: reply, author: authorOf.get(answer!.id) ?? null } } : {}),
      });
    };
    thread.forEach((m, i) => {
      // An unanswered question: the bot abstained on it (the visitor's message it replied to).
      if (m.authorType === 'bot' && m.meta.abstained === true && typeof m.meta.question === 'string') {
        const asked = thread.slice(0, i).findLast((x) => x.authorType === 'visitor' && x.body === m.meta.question);
        if (asked) add(asked, `q:${m.id}`);
      }
    });
    if (handedOff.has(c.id)) {
      // A handed-off chat: the question that was handed off (the last real one before the
      // handoff), else its first real question; "talk to a person" is not one.
      const real = (m: (typeof thread)[number]) =>
        m.authorType === 'visitor' && m.body.split(/\s+/).length >= 3 && !isPersonRequest(m.body);
      const at = thread.findIndex((m) => m.authorType === 'bot' && m.meta.handoff === true);
      const asked = (at >= 0 ? thread.slice(0, at).findLast(real) : undefined) ?? thread.find(real);
      if (asked) add(asked, `h:${asked.id}`);
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
    return {
      label: g.label,
      questions: members.map((m) => ({ conversationId: m.conversationId, text: m.text, handedOff: m.handedOff })),
      count: g.count,
      humanMinutes: Math.round(g.weight * 10) / 10,
      // Only the replies that answered these questions, the label's own first.
      answers: [...members]
        .sort((a, b) => Number(b.text === g.label) - Number(a.text === g.label))
        .filter((m) => m.answer)
        .map((m) => ({ conversationId: m.conversationId, text: m.answer!.text, author: m.answer!.author })),
    };
  });
}

/** Drafts a Q&A entry from a group: its label as the question, the others as phrasings, the team's reply that answered it. */
export function draftQa(group: Pick<GapGroupOut, 'label' | 'questions' | 'answers'>): {
  question: string;
  alternates: string[];
  answer: string;
} {
  const alternates = [...new Set(group.questions.map((q) => q.text).filter((t) => t !== group.label))].slice(0, 10);
  // The reply that answered the question (the label's own comes first); greetings and one-word
  // replies are not answers. Other replies in the chat are about other things: never joined in.
  const answer = group.answers.map((a) => a.text.trim()).find((t) => t.split(/\s+/).length >= 5) ?? '';
  return { question: group.label, alternates, answer };
}
