import { randomUUID } from 'node:crypto';
/** The conversation commands on every database: sequenced idempotent messages, moves, claims. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { contacts, conversations, events, messages } from '../../db/schema';
import { testDatabases } from '../../tests/databases';
import { makeConversation, makeDeps, makeMember, makeWorkspace, uid } from '../../tests/factories';
import type { StoredEvent } from '../events/bus';
import { getConversation } from '../queries/conversation';
import {
  appendMessage,
  moveConversation,
  routeToTeam,
  sendAgentMessage,
  startVisitorConversation,
} from './conversations';
import type { Deps } from './unit';
import { appendWithReply, visitorStarts, type InlineAnswerer } from './visitor';

for (const target of testDatabases()) {
  describe(`conversation commands on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let deps: Deps;
    const published: StoredEvent[] = [];
    beforeAll(async () => {
      handle = await target.open();
      deps = makeDeps(handle.db);
      deps.bus.on('*', (e) => void published.push(e));
    });
    afterAll(async () => {
      await handle?.close();
    });

    const chat = async () => {
      const { workspace, owner } = await makeWorkspace(deps);
      const { conversation } = await makeConversation(deps, workspace.id);
      const say = (body: string, clientId = uid()) =>
        appendMessage(deps, {
          workspaceId: workspace.id,
          conversationId: conversation.id,
          clientId,
          authorType: 'visitor',
          body,
        });
      return { workspace, owner, conversation, say };
    };

    it("starts a new visitor's contact and chat in one go, and nothing when the contact exists", async () => {
      const { workspace } = await makeWorkspace(deps);
      const visitorId = `v_${uid()}`;
      const started = await startVisitorConversation(deps, { workspaceId: workspace.id, visitorId });
      expect(started).toMatchObject({ workspaceId: workspace.id, status: 'bot', lastSeq: 0 });
      const [contact] = await deps.db.select().from(contacts).where(eq(contacts.visitorId, visitorId));
      expect(contact.id).toBe(started!.contactId);
      const [stored] = await deps.db.select().from(conversations).where(eq(conversations.id, started!.id));
      expect(stored.contactId).toBe(contact.id);
      await deps.bus.idle();
      expect(published.filter((e) => e.conversationId === started!.id).map((e) => e.name)).toEqual([
        'conversation.created',
      ]);
      // Another tab of the same visitor, a moment later: the contact is theirs already.
      expect(await startVisitorConversation(deps, { workspaceId: workspace.id, visitorId })).toBeNull();
      const theirs = await deps.db.select().from(conversations).where(eq(conversations.contactId, contact.id));
      expect(theirs).toHaveLength(1);
      const created = await deps.db
        .select()
        .from(events)
        .where(and(eq(events.workspaceId, workspace.id), eq(events.name, 'conversation.created')));
      expect(created).toHaveLength(1);
    });

    it("stores a new visitor's contact, chat, first message and answer in one statement, and nothing for a known visitor", async () => {
      const { workspace } = await makeWorkspace(deps);
      const visitorId = `v_${uid()}`;
      const asked: { lastSeq: number; body: string }[] = [];
      const bot: InlineAnswerer = {
        answerNow: (q) => {
          asked.push(q);
          return Promise.resolve({ afterSeq: 0, body: `answer to ${q.body}`, meta: { confidence: 0.9 } });
        },
      };
      const start = (conversationId: string, answerer?: InlineAnswerer, who = visitorId) =>
        visitorStarts(
          deps,
          {
            workspaceId: workspace.id,
            visitorId: who,
            conversationId,
            clientId: uid(),
            body: 'do you ship to Canada?',
          },
          answerer,
        );
      const id = randomUUID();
      const started = await start(id, bot);
      expect(asked).toEqual([
        { workspaceId: workspace.id, conversationId: id, lastSeq: 0, body: 'do you ship to Canada?' },
      ]);
      expect(started?.conversation).toMatchObject({ id, status: 'bot', lastSeq: 2, contactId: started?.contact.id });
      expect(started?.message.seq).toBe(1);
      const thread = await deps.db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(messages.seq);
      expect(thread.map((m) => [m.seq, m.authorType, m.body, m.clientId])).toEqual([
        [1, 'visitor', 'do you ship to Canada?', started!.message.clientId],
        [2, 'bot', 'answer to do you ship to Canada?', `bot:${started!.message.id}`],
      ]);
      const [stored] = await deps.db.select().from(conversations).where(eq(conversations.id, id));
      expect([stored.lastSeq, stored.contactId]).toEqual([2, started!.contact.id]);
      const recorded = await deps.db.select().from(events).where(eq(events.conversationId, id)).orderBy(events.id);
      expect(recorded.map((e) => [e.name, e.data.seq])).toEqual([
        ['conversation.created', undefined],
        ['message.created', 1],
        ['message.created', 2],
      ]);
      await deps.bus.idle();
      // The visitor's message says it was answered with it: the bot's processor leaves it.
      expect(published.filter((e) => e.conversationId === id).map((e) => [e.name, e.data.seq, e.answered])).toEqual([
        ['conversation.created', undefined, undefined],
        ['message.created', 1, true],
        ['message.created', 2, undefined],
      ]);

      // The same visitor from another tab: they have a contact, so nothing is written.
      const again = randomUUID();
      expect(await start(again, bot)).toBeNull();
      expect(await deps.db.select().from(conversations).where(eq(conversations.id, again))).toEqual([]);
      expect(await deps.db.select().from(messages).where(eq(messages.conversationId, again))).toEqual([]);

      // No answer at once: the message alone, for the processor.
      const alone = randomUUID();
      const other = await start(alone, undefined, `v_${uid()}`);
      expect(other?.conversation.lastSeq).toBe(1);
      await deps.bus.idle();
      expect(published.filter((e) => e.conversationId === alone).map((e) => [e.name, e.answered])).toEqual([
        ['conversation.created', undefined],
        ['message.created', undefined],
      ]);
    });

    it('numbers messages in order and stores a retried one once', async () => {
      const { conversation, say } = await chat();
      const first = await say('hello', 'c-1');
      const second = await say('are you there?', 'c-2');
      const retried = await say('hello', 'c-1');
      expect([first.message.seq, second.message.seq]).toEqual([1, 2]);
      expect(retried).toEqual({ message: { ...first.message, createdAt: expect.any(Date) as Date }, duplicate: true });
      const stored = await deps.db.select().from(messages).where(eq(messages.conversationId, conversation.id));
      expect(stored.map((m) => m.body).sort()).toEqual(['are you there?', 'hello']);
      await deps.bus.idle();
      const created = published.filter((e) => e.name === 'message.created' && e.conversationId === conversation.id);
      expect(created.map((e) => e.data.seq)).toEqual([1, 2]);
    });

    it("stores a visitor's message and the bot's answer together only on the thread the answer was written from", async () => {
      const { workspace, conversation, say } = await chat();
      const ask = (body: string, afterSeq: number, clientId = uid()) =>
        appendWithReply(
          deps,
          { workspaceId: workspace.id, conversationId: conversation.id, clientId, authorType: 'visitor', body },
          { afterSeq, body: `answer to ${body}`, meta: { confidence: 0.9 } },
        );
      const together = await ask('do you ship to Canada?', 0, 'c-1');
      expect([together.message.seq, together.reply?.seq, together.reply?.clientId]).toEqual([
        1,
        2,
        `bot:${together.message.id}`,
      ]);
      // Written after seq 1, but the thread has moved on to 2: the message alone, the answer dropped.
      const stale = await ask('and to Mexico?', 1);
      expect([stale.message.seq, stale.reply]).toEqual([3, null]);
      // A retry of a message already stored is that message, and no second answer.
      const retried = await ask('do you ship to Canada?', 3, 'c-1');
      expect([retried.duplicate, retried.message.id, retried.reply]).toEqual([true, together.message.id, null]);
      // With a person now: the visitor's message is kept, the bot's answer is not.
      await say('I want a person');
      await moveConversation(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        move: 'handoff',
        actor: { type: 'visitor' },
        reason: 'customer_request',
      });
      const { lastSeq } = await getConversation(deps.db, workspace.id, conversation.id);
      const waiting = await ask('hello?', lastSeq);
      expect([waiting.message.seq, waiting.reply]).toEqual([lastSeq + 1, null]);

      const stored = await deps.db.select().from(messages).where(eq(messages.conversationId, conversation.id));
      expect(stored.filter((m) => m.authorType === 'bot').map((m) => [m.seq, m.body])).toEqual([
        [2, 'answer to do you ship to Canada?'],
      ]);
      await deps.bus.idle();
      const created = published.filter((e) => e.name === 'message.created' && e.conversationId === conversation.id);
      expect(created.slice(0, 2).map((e) => [e.data.seq, e.actorType, e.answered ?? false])).toEqual([
        [1, 'visitor', true],
        [2, 'bot', false],
      ]);
      expect(new Set(created.map((e) => e.data.seq)).size).toBe(created.length);
    });

    it('refuses to store a message meant for a status the chat has left, and stores nothing', async () => {
      const { workspace, conversation, say } = await chat();
      await say('I need a person');
      await moveConversation(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        move: 'handoff',
        actor: { type: 'visitor' },
        reason: 'customer_request',
      });
      const late = appendMessage(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        clientId: 'bot:late',
        authorType: 'bot',
        body: 'an answer nobody should see',
        whileStatus: 'bot',
      });
      await expect(late).rejects.toMatchObject({ code: 'conflict' });
      const [row] = await deps.db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conversation.id), eq(messages.clientId, 'bot:late')));
      expect(row).toBeUndefined();
    });

    it('records a handoff as an event and a system message, and puts the chat in line', async () => {
      const { workspace, conversation, say } = await chat();
      await say('where is my order?');
      const moved = await moveConversation(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        move: 'handoff',
        actor: { type: 'bot' },
        reason: 'low_confidence',
        card: { summary: 'asks about an order' },
      });
      expect(moved).toMatchObject({ status: 'waiting', handoffReason: 'low_confidence', assigneeId: null });
      expect(moved.waitingSince).toBeInstanceOf(Date);
      const recorded = await deps.db.select().from(events).where(eq(events.conversationId, conversation.id));
      expect(recorded.map((e) => e.name)).toContain('handoff.created');
      const thread = await deps.db.select().from(messages).where(eq(messages.conversationId, conversation.id));
      expect(thread.find((m) => m.kind === 'event')?.meta).toMatchObject({
        event: 'handoff.created',
        from: 'bot',
        to: 'waiting',
      });
    });

    it('gives a waiting chat to exactly one of two agents picking it up at once', async () => {
      const { workspace, conversation, say } = await chat();
      await say('hello?');
      await moveConversation(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        move: 'handoff',
        actor: { type: 'visitor' },
        reason: 'customer_request',
      });
      const [a, b] = [await makeMember(deps, workspace.id), await makeMember(deps, workspace.id)];
      const pick = (userId: string) =>
        moveConversation(deps, {
          workspaceId: workspace.id,
          conversationId: conversation.id,
          move: 'assign',
          actor: { type: 'user', id: userId },
          assigneeId: userId,
          expectStatus: 'waiting',
        });
      const results = await Promise.allSettled([pick(a.id), pick(b.id)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected');
      expect(lost?.reason).toMatchObject({ code: 'already_claimed' });
      const now = await getConversation(deps.db, workspace.id, conversation.id);
      expect(now.status).toBe('human');
      expect([a.id, b.id]).toContain(now.assigneeId);
    });

    it('claims a chat with the bot when a member replies, but not for an internal note', async () => {
      const { workspace, owner, conversation, say } = await chat();
      await say('hi');
      const note = await sendAgentMessage(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        userId: owner.id,
        clientId: uid(),
        body: 'looks like a returning customer',
        note: true,
      });
      expect(note.message.kind).toBe('note');
      expect((await getConversation(deps.db, workspace.id, conversation.id)).status).toBe('bot');
      await sendAgentMessage(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        userId: owner.id,
        clientId: uid(),
        body: 'Hi, I can help with that.',
        note: false,
      });
      const [c] = await deps.db.select().from(conversations).where(eq(conversations.id, conversation.id));
      expect(c).toMatchObject({ status: 'human', assigneeId: owner.id });
    });

    it('sends only waiting or owned chats to a team', async () => {
      const { workspace, conversation } = await chat();
      const route = routeToTeam(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        teamId: null,
        actor: { type: 'api' },
      });
      await expect(route).rejects.toMatchObject({ code: 'illegal_transition' });
    });

    it("reads another workspace's conversation as not found", async () => {
      const { conversation } = await chat();
      const other = await makeWorkspace(deps);
      await expect(getConversation(deps.db, other.workspace.id, conversation.id)).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
}
