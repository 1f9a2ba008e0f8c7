/**
 * The bot's turn: after a visitor's message is stored, while the conversation is with the AI,
 * answer from the knowledge (with citations and confidence) or offer / hand over to a person.
 * A handoff stores the reason and the handoff card, auto-tags the chat, and moves it to the queue.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { captureDetails } from '../../engine/conversation/details';
import { summarizeHandoff } from '../../engine/conversation/summary';
import { type HandoffReason } from '../../engine/conversation/handoff';
import { readTurn, surest } from '../../engine/conversation/turn';
import { contactTags, conversations, conversationTags, messages } from '../../db/schema';
import type { WorkspaceCache, WorkspaceConfig } from '../commands/cached';
import { appendInTx, appendMessage, moveInTx, type Conversation, type Message } from '../commands/conversations';
import { unitOfWork, type Deps } from '../commands/unit';
import type { StoredEvent } from '../events/bus';
import { AppError } from '../errors';
import type { Knowledge } from './knowledge';
import type { Taggers } from './tagger';
import { TurnQueue, type TurnQueueOptions } from './turn-queue';

/** What the bot says when it hands over, by reason. */
export const HANDOFF_TEXT: Record<HandoffReason, string> = {
  customer_request: "Of course — I'm bringing in a person from the team. They'll see everything we've said so far.",
  topic: "That's one for a person on our team. I'm handing this chat over — they'll see everything we've said so far.",
  frustration: "I'm sorry this has been frustrating. I'm bringing in a person from the team right now.",
  low_confidence: "I'm not sure about that one, so I'm handing you to a person on our team.",
  repeated_unanswered: "I couldn't find that in our information, so I'm handing you to a person on our team.",
};

export const SUGGEST_TEXT =
  'Would you like to talk to a person? Tap “Talk to a person” and someone from the team will take over.';

interface ThreadRow {
  id: string;
  seq: number;
  clientId: string;
  authorType: Message['authorType'];
  kind: Message['kind'];
  body: string;
  meta: { event?: unknown; to?: unknown; abstained?: unknown; question?: unknown };
}

export class BotTurns {
  /** One turn at a time per conversation (replies keep the questions' order), bounded overall. */
  readonly queue: TurnQueue;
  /** Recent conversations' threads for the turn (see `threadForTurn`), up to ~16 MB of text. */
  private readonly threads = new LRUCache<string, ThreadRow[]>({
    maxSize: 16 * 1024 * 1024,
    sizeCalculation: (rows) => rows.reduce((n, r) => n + r.body.length + 100, 1),
  });

  constructor(
    private readonly deps: Deps,
    private readonly knowledge: Knowledge,
    private readonly taggers: Taggers,
    private readonly config: WorkspaceCache<WorkspaceConfig>,
    private readonly logger: Logger,
    queue: Partial<TurnQueueOptions> = {},
  ) {
    this.queue = new TurnQueue({
      ...queue,
      onError: (err, conversationId) => this.logger.error({ err, conversationId }, 'bot turn failed'),
    });
  }

  /** Subscribes to visitor messages; returns the unsubscribe function. */
  start(): () => void {
    return this.deps.bus.on('message.created', (e) => this.onMessage(e));
  }

  private onMessage(e: StoredEvent): Promise<void> {
    if (e.actorType !== 'visitor' || e.data.kind !== 'text' || !e.conversationId) return Promise.resolve();
    const id = e.conversationId;
    return this.queue.push(
      id,
      () => this.turn(e.workspaceId, id, String(e.data.messageId)),
      () => this.catchUp(e.workspaceId, id),
    );
  }

  /**
   * Answers, in order, the visitor's messages of the current stretch with the bot (since the last
   * move or person) that have no answer yet: the turns a full queue did not keep.
   */
  private async catchUp(workspaceId: string, conversationId: string): Promise<void> {
    const rows = await this.threadForTurn(conversationId);
    const from = rows.findLastIndex((m) => m.kind === 'event' || m.authorType === 'agent') + 1;
    const answered = new Set(rows.map((m) => m.clientId));
    for (const m of rows.slice(from))
      if (m.authorType === 'visitor' && m.kind === 'text' && !answered.has(`bot:${m.id}`))
        await this.turn(workspaceId, conversationId, m.id);
  }

  /** Waits for every turn under way (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue.idle();
  }

  private async thread(conversationId: string) {
    return this.deps.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.seq));
  }

  /**
   * The thread as the turn reads it: without the stored citations (the largest part of a
   * message), and — messages never change once stored — read once per conversation, then only
   * what is new. Seqs are taken under the conversation's row lock, so what is read is a prefix.
   */
  private async threadForTurn(conversationId: string): Promise<ThreadRow[]> {
    const known = this.threads.get(conversationId) ?? [];
    const fresh = await this.deps.db
      .select({
        id: messages.id,
        seq: messages.seq,
        clientId: messages.clientId,
        authorType: messages.authorType,
        kind: messages.kind,
        body: messages.body,
        meta: sql<ThreadRow['meta']>`jsonb_build_object(
          'event', ${messages.meta}->'event',
          'to', ${messages.meta}->'to',
          'abstained', ${messages.meta}->'abstained',
          'question', ${messages.meta}->'question')`,
      })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, known.at(-1)?.seq ?? 0)))
      .orderBy(asc(messages.seq));
    const rows = fresh.length ? [...known, ...fresh] : known;
    if (fresh.length) this.threads.set(conversationId, rows);
    return rows;
  }

  private async turn(workspaceId: string, conversationId: string, messageId: string): Promise<void> {
    const rows = await this.threadForTurn(conversationId);
    const question = rows.find((m) => m.id === messageId);
    if (!question) return;
    // If a person took over (or the bot already answered), stay silent. Every move of the chat
    // leaves an event message saying where it went, so the thread tells the status as of its last
    // message; a move after that is caught when the answer is stored (only while with the bot).
    if (statusOf(rows) !== 'bot') return;
    if (rows.some((m) => m.clientId === `bot:${messageId}`)) return;

    const settings = await this.settings(workspaceId);
    // Only this stretch with the AI counts: after a person resolved the chat, earlier topics,
    // frustration and unanswered questions are settled.
    const since = Math.max(
      0,
      ...rows
        .filter(
          (m) =>
            m.kind === 'event' && (m.meta.event === 'conversation.resolved' || m.meta.event === 'conversation.resumed'),
        )
        .map((m) => m.seq),
    );
    const episode = rows.filter((m) => m.seq > since && m.seq <= question.seq);
    const visitorMessages = episode.filter((m) => m.authorType === 'visitor' && m.kind === 'text').map((m) => m.body);
    const previousUnanswered = episode
      .filter((m) => m.authorType === 'bot' && m.meta.abstained === true && m.seq < question.seq)
      .map((m) => String(m.meta.question ?? ''));
    const history = rows
      .filter(
        (m) =>
          m.seq < question.seq &&
          m.kind === 'text' &&
          (m.authorType === 'visitor' || m.authorType === 'bot' || m.authorType === 'agent'),
      )
      .slice(-8)
      .map((m) => ({ role: m.authorType === 'visitor' ? ('user' as const) : ('assistant' as const), content: m.body }));
    const { answer, decision } = await readTurn({
      question: question.body,
      visitorMessages,
      previousUnanswered,
      answer: (q) => this.knowledge.answer(workspaceId, q, settings.handoff.answerThreshold, history),
      topics: async (text) =>
        (await this.taggers.topics(workspaceId, text)).map((t) => ({ ...t, needsHuman: t.tag.needsHuman })),
      settings: settings.handoff,
    });

    if (decision.action === 'handoff' && decision.reason) {
      await this.handoff(workspaceId, conversationId, decision.reason, {
        clientId: `bot:${messageId}`,
        text: HANDOFF_TEXT[decision.reason],
        detail: decision.detail,
      }).catch((err: unknown) => {
        // A person took the chat meanwhile (the move expects it with the bot): nothing to hand over.
        if (!(err instanceof AppError && err.code === 'already_claimed')) throw err;
      });
      return;
    }
    const suggest = decision.action === 'suggest';
    const body = decision.reply ?? answer.text;
    await appendMessage(this.deps, {
      workspaceId,
      conversationId,
      clientId: `bot:${messageId}`,
      authorType: 'bot',
      whileStatus: 'bot',
      body: suggest && !answer.abstained && decision.reason !== 'low_confidence' ? `${body}\n\n${SUGGEST_TEXT}` : body,
      meta: {
        citations: answer.citations,
        confidence: answer.confidence,
        abstained: answer.abstained,
        question: question.body,
        ...(suggest ? { suggestHandoff: true, reason: decision.reason } : {}),
      },
    }).catch((err: unknown) => {
      // A person took the chat while the answer was being written: the bot stays silent.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    });
  }

  /**
   * Hands the chat to people: the bot's goodbye, the card (captured details, summary, what the AI
   * tried), auto-tags, and the move to "waiting" — all in one transaction.
   */
  async handoff(
    workspaceId: string,
    conversationId: string,
    reason: HandoffReason,
    opts: { clientId: string; text: string; detail?: string; actor?: 'bot' | 'visitor' },
  ): Promise<void> {
    const rows = await this.thread(conversationId);
    const visitorMessages = rows.filter((m) => m.authorType === 'visitor' && m.kind === 'text').map((m) => m.body);
    const aiAnswers = rows
      .filter((m) => m.authorType === 'bot' && m.kind === 'text' && !m.meta.handoff)
      .map((m) => ({
        question: typeof m.meta.question === 'string' ? m.meta.question : undefined,
        text: m.body,
        abstained: m.meta.abstained === true,
        sources: Array.isArray(m.meta.citations) ? (m.meta.citations as { title: string }[]).map((c) => c.title) : [],
      }));
    // What the chat is about: the last message alone and all of them (each topic at its surer
    // reading, as in the turn); the topic that called for a person, if one did, comes first.
    const read = visitorMessages.length
      ? surest(
          await this.taggers.topics(workspaceId, visitorMessages.at(-1)!),
          await this.taggers.topics(workspaceId, visitorMessages.join('\n')),
        )
      : [];
    const trigger = reason === 'topic' ? read.find((t) => t.tagId === opts.detail) : undefined;
    const topics = trigger ? [trigger, ...read.filter((t) => t !== trigger)] : read;
    const confident = topics.filter((t, i) => t === trigger || t.confidence >= (i === 0 ? 0.35 : 0.5)).slice(0, 2);
    const details = captureDetails(visitorMessages);
    const { summary, tried } = summarizeHandoff({
      visitorMessages,
      aiAnswers,
      reason,
      details,
      tags: confident.map((t) => t.tag.name),
    });
    const card = {
      reason,
      detail: opts.detail ?? null,
      details,
      summary,
      tried,
      tags: confident.map((t) => t.tag.name),
    };
    const routeTeamId = confident.find((t) => t.tag.routeTeamId)?.tag.routeTeamId ?? null;
    await unitOfWork(this.deps, async (tx, record) => {
      const now = this.deps.now();
      await appendInTx(tx, record, now, {
        workspaceId,
        conversationId,
        clientId: opts.clientId,
        authorType: 'bot',
        body: opts.text,
        meta: { handoff: true, reason },
      });
      await moveInTx(tx, record, now, {
        workspaceId,
        conversationId,
        expectStatus: 'bot',
        move: 'handoff',
        actor: { type: opts.actor ?? 'bot' },
        reason,
        card,
        ...(routeTeamId ? { teamId: routeTeamId } : {}),
      });
      // A VIP or high-value contact goes ahead in the queue.
      const [vip] = await tx
        .select({ tagId: contactTags.tagId })
        .from(contactTags)
        .innerJoin(conversations, eq(conversations.contactId, contactTags.contactId))
        .where(eq(conversations.id, conversationId))
        .limit(1);
      if (vip) await tx.update(conversations).set({ priority: 1 }).where(eq(conversations.id, conversationId));
      for (const t of confident) {
        await tx
          .insert(conversationTags)
          .values({ conversationId, tagId: t.tagId, source: 'auto', confidence: t.confidence })
          .onConflictDoNothing();
        await record({
          workspaceId,
          name: 'conversation.tagged',
          conversationId,
          actorType: 'bot',
          data: { tagId: t.tagId, source: 'auto', confidence: t.confidence },
        });
      }
    });
  }

  /** The visitor tapped "Talk to a person". */
  async visitorRequestedHandoff(workspaceId: string, conversationId: string): Promise<void> {
    await this.idleFor(conversationId);
    const conv = await this.conversation(workspaceId, conversationId);
    if (!conv || conv.status !== 'bot') return;
    await this.handoff(workspaceId, conversationId, 'customer_request', {
      clientId: `handoff:${conv.lastSeq}`,
      text: HANDOFF_TEXT.customer_request,
      actor: 'visitor',
    });
  }

  private async idleFor(conversationId: string) {
    await this.queue.idleFor(conversationId);
  }

  private async conversation(workspaceId: string, id: string): Promise<Conversation | null> {
    const [c] = await this.deps.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.workspaceId, workspaceId)));
    return c ?? null;
  }

  private async settings(workspaceId: string) {
    return (await this.config.get(workspaceId)).settings;
  }
}

/** The conversation's status as of the thread's last message: where its last move took it ('bot' if none). */
function statusOf(rows: ThreadRow[]): string {
  for (let i = rows.length - 1; i >= 0; i--) {
    const m = rows[i];
    if (m.kind === 'event' && typeof m.meta.to === 'string') return m.meta.to;
  }
  return 'bot';
}
