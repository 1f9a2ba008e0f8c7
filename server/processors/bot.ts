/**
 * The bot, a processor of committed visitor messages. Its turn, while the conversation is with the
 * AI: answer from the knowledge (with citations and confidence; a service, server/bot/knowledge.ts)
 * or offer / hand over to a person (the handoff command, server/commands/handoff.ts).
 */
import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { readTurn } from '../../engine/conversation/turn';
import type { HandoffReason } from '../../engine/conversation/handoff';
import type { WorkspaceCache, WorkspaceConfig } from '../commands/cached';
import { appendMessage } from '../commands/conversations';
import { botReply, handOff } from '../commands/handoff';
import type { Deps } from '../commands/unit';
import type { InlineAnswerer, PreparedReply } from '../commands/visitor';
import type { StoredEvent } from '../events/bus';
import type { Serial } from '../events/serial';
import { AppError } from '../errors';
import { turnThreadAfter, type TurnMessage as ThreadRow } from '../queries/thread';
import type { Knowledge } from '../bot/knowledge';
import type { Taggers } from '../bot/tagger';
import { TurnQueue, type TurnQueueOptions } from '../bot/turn-queue';

/** How often the thread's load is read, and above what share of busy time it counts as busy. */
const BUSY_SAMPLE_MS = 100;
const BUSY = 0.5;

export class BotTurns implements InlineAnswerer {
  /** Turns waiting and running, bounded overall (one conversation's still run in order). */
  readonly queue: TurnQueue;
  /** The server's thread's load as last read (see `busy`). */
  private load = { at: 0, busy: false, elu: performance.eventLoopUtilization() };
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
    /** One turn at a time per conversation, so replies keep the order of the questions. */
    private readonly serial: Serial,
    queue: Partial<TurnQueueOptions> = {},
  ) {
    this.queue = new TurnQueue({
      ...queue,
      onError: (err, conversationId) => this.logger.error({ err, conversationId }, 'bot turn failed'),
    });
  }

  /** Subscribes to visitor messages; returns the unsubscribe function. */
  start(): () => void {
    // The thread's load, read every tenth of a second (see `busy`).
    const sampler = setInterval(() => this.busy(), BUSY_SAMPLE_MS).unref();
    const off = this.deps.bus.on('message.created', (e) => {
      this.remember(e);
      return this.onMessage(e);
    });
    return () => {
      clearInterval(sampler);
      off();
    };
  }

  private onMessage(e: StoredEvent): Promise<void> {
    if (e.actorType !== 'visitor' || e.data.kind !== 'text' || !e.conversationId || e.answered)
      return Promise.resolve();
    const id = e.conversationId;
    const seq = Number(e.data.seq);
    // The queue bounds how many turns wait and run; `serial` keeps each in the conversation's order
    // with a visitor's request for a person.
    return this.queue.push(
      id,
      () => this.serial.run(id, () => this.turn(e.workspaceId, id, String(e.data.messageId), seq)),
      () => this.serial.run(id, () => this.catchUp(e.workspaceId, id)),
    );
  }

  /**
   * Adds a message this instance stored to its conversation's cached thread when it is the next
   * in order (or the first of a new conversation), so the turn it calls for needs no read. One
   * stored elsewhere (another instance) or out of order leaves a gap the turn's read fills.
   */
  private remember(e: StoredEvent): void {
    const m = e.message;
    if (!m) return;
    const rows = this.threads.get(m.conversationId) ?? [];
    if ((rows.length ? rows[rows.length - 1].seq : 0) !== m.seq - 1) return;
    const meta = m.meta as ThreadRow['meta'];
    const row: ThreadRow = {
      id: m.id,
      seq: m.seq,
      clientId: m.clientId,
      authorType: m.authorType,
      kind: m.kind,
      body: m.body,
      meta: { event: meta.event, to: meta.to, abstained: meta.abstained, question: meta.question },
    };
    this.threads.set(m.conversationId, rows.length ? [...rows, row] : [row]);
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
        await this.turn(workspaceId, conversationId, m.id, m.seq);
  }

  /** Waits for every turn queued or under way (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue.idle();
    await this.serial.idle();
  }

  /**
   * The thread as the turn reads it: without the stored citations (the largest part of a
   * message), and — messages never change once stored — read once per conversation, then only
   * what is new. Seqs are taken under the conversation's row lock, so what is read is a prefix.
   * When the cache already reaches `upTo` (the messages stored here keep it current, see
   * `remember`), nothing is read: a move made elsewhere since is caught when the answer is stored
   * (only while the chat is with the bot).
   */
  private async threadForTurn(conversationId: string, upTo = Infinity): Promise<ThreadRow[]> {
    const known = this.threads.get(conversationId) ?? [];
    if (known.length && known[known.length - 1].seq >= upTo) return known;
    const fresh = await turnThreadAfter(this.deps.db, conversationId, known.at(-1)?.seq ?? 0);
    const rows = fresh.length ? [...known, ...fresh] : known;
    if (fresh.length) this.threads.set(conversationId, rows);
    return rows;
  }

  /**
   * The answer to a visitor's message not yet stored, written now so that the message and its
   * answer are stored in one statement (see appendWithReply): only when the turn reads nothing
   * and waits for nothing (the thread, settings, knowledge and tagger all in memory, offline), no
   * turn of this chat is under way or waiting, and the bot's queue is empty (under load, turns go
   * through the queue and its bounds). Null when not, or when the turn hands the chat over: the
   * processor then takes the message as usual, after its commit.
   */
  async answerNow(q: {
    workspaceId: string;
    conversationId: string;
    lastSeq: number;
    body: string;
  }): Promise<PreparedReply | null> {
    const { workspaceId, conversationId } = q;
    if (this.queue.waiting || this.queue.has(conversationId) || this.serial.busy(conversationId) || this.busy())
      return null;
    // A chat started just now has no thread yet; one not in memory is read by the processor's turn.
    const rows = this.threads.get(conversationId) ?? (q.lastSeq === 0 ? [] : null);
    if (!rows || statusOf(rows) !== 'bot' || !this.config.has(workspaceId) || !this.taggers.loaded(workspaceId))
      return null;
    const { settings } = await this.config.get(workspaceId);
    if (!this.knowledge.answersAtOnce(workspaceId, settings.handoff.answerThreshold)) return null;
    const afterSeq = rows.length ? rows[rows.length - 1].seq : 0;
    const question: ThreadRow = {
      id: '',
      seq: afterSeq + 1,
      clientId: '',
      authorType: 'visitor',
      kind: 'text',
      body: q.body,
      meta: {},
    };
    try {
      const next = await this.decide(workspaceId, [...rows, question], question);
      return 'reply' in next ? { afterSeq, ...next.reply } : null;
    } catch (err) {
      // The processor's turn runs it again, and logs what fails.
      this.logger.debug({ err, conversationId }, 'answer with the message failed');
      return null;
    }
  }

  /**
   * Whether the server's thread was busy more than half of the last tenth of a second (or of the
   * longer stretch a blocked thread kept the sampler from reading): then the turn waits for the
   * processor and the message is acknowledged first (under a burst, acks before answers; the
   * queue's bounds and notices take over).
   */
  private busy(): boolean {
    const now = performance.now();
    if (now - this.load.at >= BUSY_SAMPLE_MS) {
      const elu = performance.eventLoopUtilization();
      this.load = { at: now, busy: performance.eventLoopUtilization(elu, this.load.elu).utilization > BUSY, elu };
    }
    return this.load.busy;
  }

  private async turn(workspaceId: string, conversationId: string, messageId: string, seq: number): Promise<void> {
    const rows = await this.threadForTurn(conversationId, seq);
    const question = rows.find((m) => m.id === messageId);
    if (!question) return;
    // If a person took over (or the bot already answered), stay silent. Every move of the chat
    // leaves an event message saying where it went, so the thread tells the status as of its last
    // message; a move after that is caught when the answer is stored (only while with the bot).
    if (statusOf(rows) !== 'bot') return;
    if (rows.some((m) => m.clientId === `bot:${messageId}`)) return;

    const next = await this.decide(workspaceId, rows, question);
    if ('handoff' in next) {
      await handOff(this.deps, this.taggers, {
        workspaceId,
        conversationId,
        reason: next.handoff.reason,
        clientId: `bot:${messageId}`,
        detail: next.handoff.detail,
        actor: 'bot',
      }).catch((err: unknown) => {
        // A person took the chat meanwhile (the move expects it with the bot): nothing to hand over.
        if (!(err instanceof AppError && err.code === 'already_claimed')) throw err;
      });
      return;
    }
    await appendMessage(this.deps, {
      workspaceId,
      conversationId,
      clientId: `bot:${messageId}`,
      authorType: 'bot',
      whileStatus: 'bot',
      ...next.reply,
    }).catch((err: unknown) => {
      // A person took the chat while the answer was being written: the bot stays silent.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    });
  }

  /** The bot's turn on `question`, read with the thread before it: hand the chat over, or reply. */
  private async decide(
    workspaceId: string,
    rows: ThreadRow[],
    question: ThreadRow,
  ): Promise<
    { handoff: { reason: HandoffReason; detail?: string } } | { reply: { body: string; meta: Record<string, unknown> } }
  > {
    const settings = await this.settings(workspaceId);
    // Only this stretch with the AI counts: after a person resolved the chat, earlier topics,
    // frustration and unanswered questions are settled.
    const since = Math.max(
      0,
      ...rows
        .filter(
          (m) =>
            m.kind === 'event' &&
            (m.meta.event === 'conversation.resolved' ||
              m.meta.event === 'conversation.resumed' ||
              m.meta.event === 'conversation.handed_back'),
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

    if (decision.action === 'handoff' && decision.reason)
      return { handoff: { reason: decision.reason, detail: decision.detail } };
    const reply = botReply(answer, decision);
    // Small talk in place of the answer ("Hi Jordan! What can I help you with?") is not a question
    // the bot failed, nor one it answered: not on the handoff card's "What the AI tried", nor a
    // gap in the knowledge. A reply that is not the content's answer has no confidence to show.
    const { smallTalk } = reply;
    return {
      reply: {
        body: reply.text,
        meta: {
          citations: reply.citations,
          ...(reply.carriesAnswer ? { confidence: answer.confidence } : {}),
          ...(smallTalk ? { smallTalk: true } : {}),
          abstained: answer.abstained && !smallTalk,
          question: question.body,
          ...(reply.offersPerson ? { suggestHandoff: true, reason: decision.reason } : {}),
        },
      },
    };
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
