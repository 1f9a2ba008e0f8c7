/**
 * The handoff: the bot's goodbye, the card (captured details, summary, what the AI tried), the
 * topics read as tags (through the tags command), a contact's priority, and the move to "waiting",
 * in one unit of work. The bot's turn and the visitor's "Talk to a person" both come here.
 */
import { asc, eq } from 'drizzle-orm';
import { messages } from '../../db/schema';
import { captureDetails, type CapturedDetails } from '../../engine/conversation/details';
import type { Citation } from '../../engine/answer/types';
import type { HandoffDecision, HandoffReason } from '../../engine/conversation/handoff';
import { summarizeHandoff, type AiAnswer } from '../../engine/conversation/summary';
import { surest } from '../../engine/conversation/turn';
import { answerToOffer, isQuestion } from '../../engine/conversation/odd-input';
import type { Taggers } from '../bot/tagger';
import { getConversation } from '../queries/conversation';
import { appendInTx, moveConversation, moveInTx } from './conversations';
import { autoTagInTx, priorityFromContactTagsInTx } from './tags';
import { unitOfWork, type Deps } from './unit';

/** What the team reads when a chat reaches them (stored on the conversation). */
export interface HandoffCard {
  reason: HandoffReason;
  /** The topic tag's id for a `topic` handoff, else what the decision noted. */
  detail: string | null;
  details: CapturedDetails;
  summary: string;
  tried: string[];
  /** Names of the topics the chat was tagged with. */
  tags: string[];
}

/** What the bot says when it hands over, by reason. */
export const HANDOFF_TEXT: Record<HandoffReason, string> = {
  customer_request: "Of course — I'm bringing in a person from the team. They'll see everything we've said so far.",
  topic: "That's one for a person on our team. I'm handing this chat over — they'll see everything we've said so far.",
  frustration:
    "I'm sorry this has been frustrating. I'm handing this chat to a person on our team — they'll see everything we've said so far.",
  low_confidence: "I'm not sure about that one, so I'm handing you to a person on our team.",
  repeated_unanswered: "I couldn't find that in our information, so I'm handing you to a person on our team.",
  problem: "I'm sorry about that. I'm handing this chat to a person on our team who can look into it.",
};

/** What the bot adds to an answer when it offers a person instead of handing over. */
export const SUGGEST_TEXT =
  'Would you like to talk to a person? Tap “Talk to a person” and someone from the team will take over.';

/**
 * What the bot says for a turn it does not hand over: the decision's own reply (small talk) or the
 * answer, after the decision's apology if it has one, with the offer of a person when it suggests
 * one. The answer's sources go with the answer ("You're welcome!" cites nothing), and so does its
 * confidence (`carriesAnswer`); a reply of its own where the bot keeps the chat is small talk. The
 * widget's chat and Try your assistant both say this.
 */
export function botReply(
  answer: { text: string; citations: Citation[]; abstained: boolean },
  decision: HandoffDecision,
): { text: string; citations: Citation[]; offersPerson: boolean; carriesAnswer: boolean; smallTalk: boolean } {
  const carriesAnswer = decision.reply === undefined;
  const said = decision.preface ? `${decision.preface} ${answer.text}` : answer.text;
  const text = decision.reply ?? said;
  const suggest = decision.action === 'suggest';
  const withOffer = suggest && !answer.abstained && decision.reason !== 'low_confidence';
  return {
    text: withOffer ? `${text}\n\n${SUGGEST_TEXT}` : text,
    citations: carriesAnswer ? answer.citations : [],
    offersPerson: suggest,
    carriesAnswer,
    smallTalk: decision.action === 'answer' && !carriesAnswer,
  };
}

/** The workspace's tagger, as the handoff reads the chat with it. */
export type TopicReader = Pick<Taggers, 'topics'>;

export interface HandoffInput {
  workspaceId: string;
  conversationId: string;
  reason: HandoffReason;
  /** Makes the goodbye idempotent (`bot:<message id>` for a turn, `handoff:<seq>` for the visitor). */
  clientId: string;
  detail?: string;
  actor: 'bot' | 'visitor';
}

/**
 * Hands the chat, which must still be with the bot, to people (`already_claimed` if a person took
 * it meanwhile).
 */
export async function handOff(deps: Deps, taggers: TopicReader, input: HandoffInput): Promise<void> {
  const { card, tags, routeTeamId } = await readCard(deps, taggers, input);
  await unitOfWork(deps, async (tx, record) => {
    const now = deps.now();
    const { workspaceId, conversationId } = input;
    await appendInTx(tx, record, now, {
      workspaceId,
      conversationId,
      clientId: input.clientId,
      authorType: 'bot',
      body: HANDOFF_TEXT[input.reason],
      meta: { handoff: true, reason: input.reason },
    });
    await moveInTx(tx, record, now, {
      workspaceId,
      conversationId,
      expectStatus: 'bot',
      move: 'handoff',
      actor: { type: input.actor },
      reason: input.reason,
      card: { ...card },
      ...(routeTeamId ? { teamId: routeTeamId } : {}),
    });
    await priorityFromContactTagsInTx(tx, conversationId);
    for (const t of tags) await autoTagInTx(tx, record, { workspaceId, conversationId, ...t });
  });
}

/**
 * The visitor tapped "Talk to a person": a resolved chat resumes first; a chat already with people
 * (or waiting for them) stays as it is.
 */
export async function visitorAsksForPerson(
  deps: Deps,
  taggers: TopicReader,
  input: { workspaceId: string; conversationId: string },
): Promise<void> {
  let c = await getConversation(deps.db, input.workspaceId, input.conversationId);
  if (c.status === 'resolved')
    c = await moveConversation(deps, { ...input, move: 'resume', actor: { type: 'visitor' } });
  if (c.status !== 'bot') return;
  await handOff(deps, taggers, {
    ...input,
    reason: 'customer_request',
    clientId: `handoff:${c.lastSeq}`,
    actor: 'visitor',
  });
}

/**
 * A bot's message as the handoff card reads what the AI tried: the question it answered, its words
 * and sources, and whether it abstained or made small talk (the card and the copilot's summary).
 */
export function aiAnswerOf(m: { body: string; meta: Record<string, unknown> }): AiAnswer {
  return {
    question: typeof m.meta.question === 'string' ? m.meta.question : undefined,
    text: m.body,
    abstained: m.meta.abstained === true,
    smallTalk: m.meta.smallTalk === true,
    sources: Array.isArray(m.meta.citations) ? (m.meta.citations as { title: string }[]).map((c) => c.title) : [],
  };
}

/** Reads the chat for its card: the visitor's words, the AI's answers, the topics. */
async function readCard(deps: Deps, taggers: TopicReader, input: HandoffInput) {
  const rows = await deps.db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, input.conversationId))
    .orderBy(asc(messages.seq));
  const visitorMessages = rows.filter((m) => m.authorType === 'visitor' && m.kind === 'text').map((m) => m.body);
  const aiAnswers = rows.filter((m) => m.authorType === 'bot' && m.kind === 'text' && !m.meta.handoff).map(aiAnswerOf);
  // What the chat is about: the last message alone and all of them (each topic at its surer
  // reading, as in the turn); the topic that called for a person, if one did, comes first. Not
  // "yes please" taking the offer of a person, nor "thanks": the tagger reads any words as the
  // closest topic, and the chat is about the question before them.
  const asked = visitorMessages.filter((m) => isQuestion(m) && !answerToOffer(m));
  const read = asked.length
    ? surest(
        await taggers.topics(input.workspaceId, asked.at(-1)!),
        await taggers.topics(input.workspaceId, asked.join('\n')),
      )
    : [];
  const trigger = input.reason === 'topic' ? read.find((t) => t.tagId === input.detail) : undefined;
  const topics = trigger ? [trigger, ...read.filter((t) => t !== trigger)] : read;
  const confident = topics.filter((t, i) => t === trigger || t.confidence >= (i === 0 ? 0.35 : 0.5)).slice(0, 2);
  const details = captureDetails(visitorMessages);
  const names = confident.map((t) => t.tag.name);
  const { summary, tried } = summarizeHandoff({
    visitorMessages,
    aiAnswers,
    reason: input.reason,
    details,
    tags: names,
  });
  const card: HandoffCard = {
    reason: input.reason,
    detail: input.detail ?? null,
    details,
    summary,
    tried,
    tags: names,
  };
  return {
    card,
    tags: confident.map((t) => ({ tagId: t.tagId, confidence: t.confidence })),
    routeTeamId: confident.find((t) => t.tag.routeTeamId)?.tag.routeTeamId ?? null,
  };
}
