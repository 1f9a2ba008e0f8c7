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
  const stops: (() => void)[] = [];

  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
    const knowledge = new Knowledge(deps);
    taggers = new Taggers(deps);
    const settings = settingsCache(deps);
    serial = new Serial();
    stops.push(settings.start(deps), taggers.start());
    stops.push(new BotTurns(deps, knowledge, taggers, settings, pino({ level: 'silent' }), serial).start());
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
    expect(reply.meta).toMatchObject({ abstained: false, citations: [] });
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
});
