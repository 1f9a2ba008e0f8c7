/** The bot as a processor: it answers committed visitor messages, hands over, and falls silent for people. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { messages } from '../../db/schema';
import {
  makeConversation,
  makeDeps,
  makeWorkspace,
  ROASTER_BREWING,
  ROASTER_SHIPPING,
  uid,
} from '../../tests/factories';
import { Knowledge } from '../bot/knowledge';
import { Taggers } from '../bot/tagger';
import { settingsCache } from '../commands/cached';
import { appendMessage, sendAgentMessage } from '../commands/conversations';
import { getConversation } from '../queries/conversation';
import { HANDOFF_TEXT, visitorAsksForPerson } from '../commands/handoff';
import { visitorSends } from '../commands/visitor';
import type { Deps } from '../commands/unit';
import { EventBus } from '../events/bus';
import { Serial } from '../events/serial';
import { BotTurns } from './bot';

describe('the bot processor', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let taggers: Taggers;
  let serial: Serial;
  let workspaceId: string;
  let ownerId: string;
  let bot: BotTurns;
  const stops: (() => void)[] = [];

  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
    // Checked against the database once a minute, not every 3 s: a slow run still answers at once.
    const cache = { maxMb: 512, idleMs: 0, checkMs: 60_000 };
    const knowledge = new Knowledge(deps, undefined, {}, null, null, undefined, cache);
    taggers = new Taggers(deps);
    const settings = settingsCache(deps);
    serial = new Serial();
    stops.push(settings.start(deps), taggers.start());
    bot = new BotTurns(deps, knowledge, taggers, settings, pino({ level: 'silent' }), serial);
    stops.push(bot.start());
    const { workspace, owner } = await makeWorkspace(deps);
    workspaceId = workspace.id;
    ownerId = owner.id;
    const encode = (s: string) => new TextEncoder().encode(s);
    await knowledge.addSource(workspaceId, { kind: 'file', name: 'shipping.md', bytes: encode(ROASTER_SHIPPING) });
    await knowledge.addSource(workspaceId, { kind: 'file', name: 'brewing.md', bytes: encode(ROASTER_BREWING) });
  });
  afterAll(async () => {
    for (const stop of stops) stop();
    await handle?.close();
  });

  /** A new chat; `say` stores a visitor message and waits for the bot's reaction to it. */
  const chat = async () => {
    const { conversation } = await makeConversation(deps, workspaceId);
    const say = async (body: string) => {
      const { message } = await appendMessage(deps, {
        workspaceId,
        conversationId: conversation.id,
        clientId: uid(),
        authorType: 'visitor',
        body,
      });
      await settle();
      return message;
    };
    const thread = () =>
      deps.db.select().from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.seq));
    return { conversation, say, thread };
  };
  const settle = async () => {
    await deps.bus.idle();
    await serial.idle();
    await deps.bus.idle();
  };

  it('answers a question its knowledge covers, citing the page, once per message', async () => {
    const { say, thread } = await chat();
    const question = await say('How long does delivery take?');
    const answers = (await thread()).filter((m) => m.authorType === 'bot');
    expect(answers).toHaveLength(1);
    expect(answers[0].clientId).toBe(`bot:${question.id}`);
    expect(answers[0].body).toMatch(/2 to 4\s+business days/);
    expect(answers[0].meta).toMatchObject({ abstained: false, question: 'How long does delivery take?' });
    expect((answers[0].meta.citations as { title: string }[]).length).toBeGreaterThan(0);
  });

  it('greets a visitor who introduces themselves, and does not count it as a question it could not answer', async () => {
    const { say, thread } = await chat();
    await say("Hi, I'm Jordan, order #TW-4471");
    const [reply] = (await thread()).filter((m) => m.authorType === 'bot');
    expect(reply.body).toBe('Hi Jordan! What can I help you with on order TW-4471?');
    expect(reply.meta).toMatchObject({ abstained: false, citations: [], smallTalk: true });
    // No "n% confident" in the inbox: the greeting is not an answer from the content.
    expect(reply.meta.confidence).toBeUndefined();
  });

  it('leaves small talk off the handoff card, and keeps the confidence of an answer', async () => {
    const { conversation, say, thread } = await chat();
    await say('thanks!');
    await say('How long does delivery take?');
    await say('I want to talk to a real person please');
    const [thanks, answer] = (await thread()).filter((m) => m.authorType === 'bot');
    expect(thanks.meta.confidence).toBeUndefined();
    expect(answer.meta.confidence).toEqual(expect.any(Number));
    const c = await getConversation(deps.db, workspaceId, conversation.id);
    const tried = (c.handoffCard as { tried: string[] }).tried;
    expect(tried).toHaveLength(1);
    expect(tried[0]).toMatch(/^"How long does delivery take\?" → /);
  });

  it('hands the chat to people when the visitor asks for one, with the card and the goodbye', async () => {
    const { conversation, say, thread } = await chat();
    await say('What grind should I use for a French press?');
    await say('I want to talk to a real person please');
    const c = await getConversation(deps.db, workspaceId, conversation.id);
    expect(c.status).toBe('waiting');
    expect(c.handoffReason).toBe('customer_request');
    expect(c.handoffCard).toMatchObject({ reason: 'customer_request', tags: [] });
    expect((c.handoffCard as { tried: string[] }).tried.length).toBeGreaterThan(0);
    const goodbye = (await thread()).find((m) => m.meta.handoff === true);
    expect(goodbye?.body).toBe(HANDOFF_TEXT.customer_request);
  });

  // Elsewhere: a person picks the chat up on another instance, whose events this bus never hears
  // of; the bot's cached thread has a gap there, which its next turn reads.
  it.each(['here', 'elsewhere'])('stays silent once a person has taken the chat (%s)', async (where) => {
    const { conversation, say, thread } = await chat();
    await say('How long does delivery take?');
    await sendAgentMessage(where === 'here' ? deps : { ...deps, bus: new EventBus() }, {
      workspaceId,
      conversationId: conversation.id,
      userId: ownerId,
      clientId: uid(),
      body: 'Hi, Sam here.',
      note: false,
    });
    const before = (await thread()).filter((m) => m.authorType === 'bot').length;
    await say('How much is shipping?');
    expect((await thread()).filter((m) => m.authorType === 'bot').length).toBe(before);
  });

  it('answers a question asked just before "Talk to a person", then hands over', async () => {
    const { conversation, thread } = await chat();
    await appendMessage(deps, {
      workspaceId,
      conversationId: conversation.id,
      clientId: uid(),
      authorType: 'visitor',
      body: 'Is shipping free?',
    });
    // Tapped once the turn is queued, while it may still be under way: the shared order puts the
    // answer first (a handoff first would make the bot's answer a conflict, never stored).
    await new Promise((resolve) => setImmediate(resolve));
    await serial.run(conversation.id, () =>
      visitorAsksForPerson(deps, taggers, { workspaceId, conversationId: conversation.id }),
    );
    await settle();
    const bot = (await thread()).filter((m) => m.authorType === 'bot');
    expect(bot.map((m) => m.meta.handoff === true)).toEqual([false, true]);
    expect((await getConversation(deps.db, workspaceId, conversation.id)).status).toBe('waiting');
  });

  it("stores its answer with the visitor's message when it can answer at once, else leaves it to the processor", async () => {
    const { conversation, say, thread } = await chat();
    await say('How long does delivery take?'); // the knowledge, tagger and thread are now in memory
    const send = async (body: string) => {
      const current = await getConversation(deps.db, workspaceId, conversation.id);
      const input = { workspaceId, conversation: current, clientId: uid(), body };
      return (await visitorSends(deps, input, bot)).message;
    };
    const idle = () => new Promise((resolve) => setTimeout(resolve, 150));
    const stored = async () => (await thread()).map((m) => [m.seq, m.authorType]);

    // At rest: the message and its answer, stored together (the answer's seq follows at once).
    await idle();
    const asked = await send('Do you ship to Canada?');
    expect((await stored()).slice(-2)).toEqual([
      [asked.seq, 'visitor'],
      [asked.seq + 1, 'bot'],
    ]);
    await settle();
    expect((await thread()).filter((m) => m.authorType === 'bot')).toHaveLength(2); // not answered twice

    // The server's thread busy for the last tenth of a second: the message alone, acknowledged
    // first; the processor answers it after.
    await idle();
    const until = performance.now() + 150;
    while (performance.now() < until);
    const busy = await send('How much is shipping?');
    expect((await stored()).at(-1)).toEqual([busy.seq, 'visitor']);
    await settle();
    expect((await stored()).at(-1)).toEqual([busy.seq + 1, 'bot']);

    // A turn that hands the chat over is the processor's (the handoff command), not the send's.
    await idle();
    const wants = await send('I want to talk to a real person please');
    expect((await stored()).at(-1)).toEqual([wants.seq, 'visitor']);
    await settle();
    expect((await getConversation(deps.db, workspaceId, conversation.id)).status).toBe('waiting');
  });
});
