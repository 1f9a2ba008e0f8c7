import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { messages } from '../../db/schema';
import type { DatabaseHandle } from '../../db/client';
import { testDatabases } from '../../tests/databases';
import { makeConversation, makeDeps, makeWorkspace } from '../../tests/factories';
import { settingsCache } from '../commands/cached';
import { appendMessage } from '../commands/conversations';
import type { Deps } from '../commands/unit';
import { Knowledge } from '../bot/knowledge';
import { Taggers } from '../bot/tagger';
import { Serial } from '../events/serial';
import { BotTurns } from './bot';

const FAQ = [
  ['What is your return policy?', 'Anything can be returned within 30 days of delivery for a full refund.'],
  ['How long does shipping take?', 'Orders ship the next working day and arrive in two to four days.'],
  ['Do you sell gift cards?', 'Gift cards from 10 to 500 dollars are sold in store and online.'],
  ['Are you open on Sunday?', 'The shop opens on Sundays from 11 to 5.'],
];

describe.each(testDatabases())('the bot under a full queue ($name)', (database) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let workspaceId: string;
  let bot: BotTurns;
  const slow: string[] = [];

  beforeAll(async () => {
    handle = await database.open();
    deps = makeDeps(handle.db);
    workspaceId = (await makeWorkspace(deps)).workspace.id;
    const knowledge = new Knowledge(deps);
    for (const [question, answer] of FAQ) await knowledge.addSource(workspaceId, { kind: 'qa', question, answer });
    // One turn at a time, two waiting in memory: most of the burst below overflows.
    bot = new BotTurns(
      deps,
      knowledge,
      new Taggers(deps),
      settingsCache(deps),
      pino({ level: 'silent' }),
      new Serial(),
      {
        concurrency: 1,
        maxQueued: 2,
        slowAfterMs: 0,
        onSlow: (conversationId) => slow.push(conversationId),
      },
    );
    bot.start();
  }, 120_000);
  afterAll(async () => {
    bot?.queue.close();
    await handle?.close();
  });

  it('answers every message once, in order per conversation, and tells the visitors it is late', async () => {
    const chats = await Promise.all([0, 1, 2].map(() => makeConversation(deps, workspaceId)));
    // A burst: every visitor writes four messages before any answer comes.
    const sent = new Map<string, string[]>();
    await Promise.all(
      chats.map(async ({ conversation }, c) => {
        for (let i = 0; i < FAQ.length; i++) {
          const { message } = await appendMessage(deps, {
            workspaceId,
            conversationId: conversation.id,
            clientId: `q${c}-${i}`,
            authorType: 'visitor',
            body: FAQ[(i + c) % FAQ.length][0],
          });
          sent.set(conversation.id, [...(sent.get(conversation.id) ?? []), message.id]);
        }
      }),
    );
    await deps.bus.idle();
    await bot.idle();

    expect(bot.queue.stats.overflowed).toBeGreaterThan(0);
    for (const { conversation } of chats) {
      const rows = await deps.db
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conversation.id))
        .orderBy(asc(messages.seq));
      const answers = rows.filter((m) => m.authorType === 'bot').map((m) => m.clientId);
      // Each question answered exactly once, and the answers in the questions' order.
      expect(answers).toEqual(sent.get(conversation.id)!.map((id) => `bot:${id}`));
      // An answer follows its question.
      for (const id of sent.get(conversation.id)!) {
        const q = rows.find((m) => m.id === id)!;
        const a = rows.find((m) => m.clientId === `bot:${id}`)!;
        expect(a.seq).toBeGreaterThan(q.seq);
      }
    }
    // Visitors whose turns waited or overflowed were told, once each.
    expect(slow.length).toBeGreaterThan(0);
    expect(new Set(slow).size).toBe(slow.length);
  }, 120_000);
});
