/**
 * The agent's copilot for one conversation: the suggested reply to the visitor's latest question
 * (engine/copilot: the team's past replies and the shop's content, or a configured model), the
 * offline summary the handoff card uses kept current, and the topic tags the chat is not tagged
 * with yet. Only for a member who may see the conversation (server/domain/visibility.ts).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { LanguageModel } from 'ai';
import { conversationTags, messages } from '../../db/schema';
import { calibratedThresholdAsync } from '../../engine/answer/calibrate';
import { suggestWithModel } from '../../engine/copilot/model';
import { suggestOffline, type Suggestion } from '../../engine/copilot/suggest';
import { captureDetails, type CapturedDetails } from '../../engine/conversation/details';
import { isPersonRequest } from '../../engine/conversation/gap-answers';
import { summarizeHandoff } from '../../engine/conversation/summary';
import type { Knowledge } from '../bot/knowledge';
import type { LearnedAnswers } from '../bot/learned';
import type { Taggers } from '../bot/tagger';
import type { WorkspaceCache, WorkspaceConfig } from '../commands/cached';
import { aiAnswerOf } from '../commands/handoff';
import { getConversation } from './conversation';
import type { Deps } from '../commands/unit';
import { maySeeConversation } from '../domain/visibility';
import type { HandoffReason } from '../../engine/conversation/handoff';
import { AppError } from '../errors';

export interface CopilotSources {
  knowledge: Knowledge;
  learned: LearnedAnswers;
  taggers: Taggers;
  config: WorkspaceCache<WorkspaceConfig>;
  model?: LanguageModel | null;
}

export interface CopilotView {
  conversationId: string;
  /** The visitor's words the suggestion answers, and the seq of their last message. */
  question: string | null;
  basedOnSeq: number;
  suggestion: Suggestion;
  /** The thread's summary (shown at the top of a long thread). */
  summary: { text: string; tried: string[]; details: CapturedDetails; long: boolean };
  suggestedTags: { id: string; name: string; confidence: number }[];
}

/** Text messages from this many on make a thread long enough to summarise at its top. */
const LONG_THREAD = 6;
/** A topic the tagger reads at least this surely is offered as a tag. */
const TAG_CONFIDENCE = 0.35;

/** A message of the thread as the copilot reads it. */
export interface ThreadText {
  seq: number;
  authorType: string;
  body: string;
  meta: Record<string, unknown>;
}

/**
 * What the agent has to answer now: what the visitor wrote since a person last replied, less what
 * the AI already answered (its answer names the question and neither abstained nor offered a
 * person) and bare requests for a person. Null when nothing is open: the agent has replied since,
 * or the AI answered everything (the handoff then was for the person itself).
 */
export function openQuestion(thread: readonly ThreadText[]): string | null {
  const lastReply = thread.findLast((m) => m.authorType === 'agent')?.seq ?? 0;
  // An answer answers the message it names that came before it, not the same words asked again
  // later (a visitor who repeats "can you post to Ireland?" to the person asks it anew).
  const answered = new Set<number>();
  const waiting: ThreadText[] = [];
  for (const m of thread) {
    if (m.authorType === 'visitor') waiting.push(m);
    if (
      m.authorType !== 'bot' ||
      typeof m.meta.question !== 'string' ||
      m.meta.abstained === true ||
      m.meta.handoff === true ||
      m.meta.suggestHandoff === true
    )
      continue;
    const asked = waiting.findLast((v) => v.body === m.meta.question && !answered.has(v.seq));
    if (asked) answered.add(asked.seq);
  }
  const open = thread.filter(
    (m) => m.authorType === 'visitor' && m.seq > lastReply && !answered.has(m.seq) && !isPersonRequest(m.body),
  );
  return open.length ? open.map((m) => m.body).join('\n') : null;
}

export async function copilotFor(
  deps: Pick<Deps, 'db'>,
  sources: CopilotSources,
  member: { workspaceId: string; role: string | null },
  conversationId: string,
): Promise<CopilotView> {
  const c = await getConversation(deps.db, member.workspaceId, conversationId);
  if (!maySeeConversation(member, c)) throw new AppError('not_found', 'no such conversation');
  // Independent reads at once (PostgreSQL runs them side by side; the indexes are in memory).
  const [thread, tagged, { settings }, content, learned] = await Promise.all([
    deps.db
      .select({ seq: messages.seq, authorType: messages.authorType, body: messages.body, meta: messages.meta })
      .from(messages)
      .where(and(eq(messages.conversationId, c.id), eq(messages.kind, 'text')))
      .orderBy(asc(messages.seq)),
    deps.db
      .select({ tagId: conversationTags.tagId })
      .from(conversationTags)
      .where(eq(conversationTags.conversationId, c.id)),
    sources.config.get(c.workspaceId),
    sources.knowledge.index(c.workspaceId),
    sources.learned.index(c.workspaceId),
  ]);
  const visitor = thread.filter((m) => m.authorType === 'visitor');
  const question = openQuestion(thread);

  await content.prepared();
  const threshold = settings.handoff.answerThreshold ?? (await calibratedThresholdAsync(content));
  const input = { question, content, learned, threshold };
  const suggestion = sources.model
    ? await suggestWithModel({
        ...input,
        model: sources.model,
        history: thread.map((m) => ({
          role: m.authorType === 'visitor' ? ('user' as const) : ('assistant' as const),
          content: m.body,
        })),
      })
    : suggestOffline(input);

  const visitorMessages = visitor.map((m) => m.body);
  const details = captureDetails(visitorMessages);
  const topics = visitorMessages.length ? await sources.taggers.topics(c.workspaceId, visitorMessages.join('\n')) : [];
  const { summary, tried } = summarizeHandoff({
    visitorMessages,
    aiAnswers: thread.filter((m) => m.authorType === 'bot' && !m.meta.handoff).map(aiAnswerOf),
    reason: (c.handoffReason as HandoffReason | null) ?? null,
    details,
    tags: topics.filter((t) => tagged.some((x) => x.tagId === t.tagId)).map((t) => t.tag.name),
  });
  return {
    conversationId: c.id,
    question,
    basedOnSeq: visitor.at(-1)?.seq ?? 0,
    suggestion,
    summary: { text: summary, tried, details, long: thread.length >= LONG_THREAD },
    suggestedTags: topics
      .filter((t) => t.confidence >= TAG_CONFIDENCE && !tagged.some((x) => x.tagId === t.tagId))
      .slice(0, 3)
      .map((t) => ({ id: t.tagId, name: t.tag.name, confidence: t.confidence })),
  };
}
