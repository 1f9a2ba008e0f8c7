/**
 * The data-layer contract: the same suite on the embedded database and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from './client';
import { conversations, events } from './schema';
import {
  acceptInvitation,
  createApiKey,
  inviteMember,
  revokeApiKey,
  signIn,
  signUp,
  workspaceForApiKey,
} from '../server/commands/accounts';
import { appendMessage, moveConversation } from '../server/commands/conversations';
import { sessionFor } from '../server/queries/accounts';
import type { Deps } from '../server/commands/unit';
import { AppError } from '../server/errors';
import { messagesAfter } from '../server/queries/thread';
import { makeConversation, makeDeps, makeMember, makeWorkspace, uid } from '../tests/factories';
import { testDatabases } from '../tests/databases';

for (const target of testDatabases()) {
  describe(`data layer on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let deps: Deps;
    beforeAll(async () => {
      handle = await target.open();
      deps = makeDeps(handle.db);
    });
    afterAll(async () => handle?.close());

    it('signs up a workspace owner and signs in with the password only', async () => {
      const email = `Sam-${uid()}@Example.com`;
      const { workspace } = await signUp(deps, {
        email,
        password: 'long enough pw',
        name: 'Sam',
        workspaceName: 'Riff & Rhythm',
      });
      expect(workspace.slug).toMatch(/^riff-rhythm/);
      const session = await signIn(deps, email.toLowerCase(), 'long enough pw');
      expect((await sessionFor(deps, session.token))?.user.email).toBe(email.toLowerCase());
      await expect(signIn(deps, email, 'wrong password')).rejects.toMatchObject({ code: 'invalid_credentials' });
      await expect(
        signUp(deps, { email, password: 'another pw!', name: 'X', workspaceName: 'Y' }),
      ).rejects.toMatchObject({ code: 'email_taken' });
    });

    it('accepts an invitation once', async () => {
      const { workspace, owner } = await makeWorkspace(deps);
      const { token } = await inviteMember(deps, {
        workspaceId: workspace.id,
        email: `new-${uid()}@example.com`,
        role: 'agent',
        invitedBy: owner.id,
      });
      const accepted = await acceptInvitation(deps, { token, name: 'Nia', password: 'drums and more' });
      expect(accepted.role).toBe('agent');
      await expect(acceptInvitation(deps, { token, name: 'Nia', password: 'drums and more' })).rejects.toMatchObject({
        code: 'not_found',
      });
    });

    it('resolves an API key to its workspace until revoked', async () => {
      const { workspace, owner } = await makeWorkspace(deps);
      const { key, apiKey } = await createApiKey(deps, {
        workspaceId: workspace.id,
        name: 'ci',
        createdBy: owner.id,
        scopes: ['admin'],
      });
      expect(await workspaceForApiKey(deps, key)).toBe(workspace.id);
      await revokeApiKey(deps, workspace.id, apiKey.id);
      expect(await workspaceForApiKey(deps, key)).toBeNull();
    });

    it('starts a conversation with the bot and records it, returning the stored row', async () => {
      const { workspace } = await makeWorkspace(deps);
      const published: string[] = [];
      const off = deps.bus.on('conversation.created', (e) => void published.push(e.conversationId ?? ''));
      const { conversation } = await makeConversation(deps, workspace.id);
      off();
      const [stored] = await deps.db.select().from(conversations).where(eq(conversations.id, conversation.id));
      expect(stored).toEqual(conversation);
      expect(stored).toMatchObject({ status: 'bot', lastSeq: 0, assigneeId: null });
      const log = await deps.db.select().from(events).where(eq(events.conversationId, conversation.id));
      expect(log.map((e) => [e.name, e.actorType])).toEqual([['conversation.created', 'visitor']]);
      expect(published).toEqual([conversation.id]);
    });

    it('numbers messages per conversation and never stores a retried send twice', async () => {
      const { workspace } = await makeWorkspace(deps);
      const { conversation } = await makeConversation(deps, workspace.id);
      const send = (clientId: string, body: string) =>
        appendMessage(deps, {
          workspaceId: workspace.id,
          conversationId: conversation.id,
          clientId,
          authorType: 'visitor',
          body,
        });
      const first = await send('c1', 'hello');
      const retry = await send('c1', 'hello');
      expect(retry.duplicate).toBe(true);
      expect(retry.message.id).toBe(first.message.id);
      // Concurrent sends of distinct and identical ids: distinct get distinct seqs, identical collapse.
      const results = await Promise.all([send('c2', 'a'), send('c3', 'b'), send('c2', 'a'), send('c4', 'c')]);
      const seqs = new Set(results.map((r) => r.message.seq));
      expect(seqs.size).toBe(3);
      const all = await messagesAfter(deps.db, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        afterSeq: 0,
        audience: 'agent',
      });
      expect(all.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
      // What the sender got back (and the fan-out sent) is what was stored.
      expect(all[0]).toEqual(first.message);
      expect(all.map((m) => m.clientId)).toEqual(['c1', ...all.slice(1).map((m) => m.clientId)]);
      const after2 = await messagesAfter(deps.db, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        afterSeq: 2,
        audience: 'agent',
      });
      expect(after2.map((m) => m.seq)).toEqual([3, 4]);
    });

    it('keeps every query inside its workspace', async () => {
      const a = await makeWorkspace(deps);
      const b = await makeWorkspace(deps);
      const { conversation } = await makeConversation(deps, a.workspace.id);
      await expect(
        appendMessage(deps, {
          workspaceId: b.workspace.id,
          conversationId: conversation.id,
          clientId: 'x',
          authorType: 'visitor',
          body: 'hi',
        }),
      ).rejects.toMatchObject({ code: 'not_found' });
      const seen = await messagesAfter(deps.db, {
        workspaceId: b.workspace.id,
        conversationId: conversation.id,
        afterSeq: 0,
        audience: 'agent',
      });
      expect(seen).toEqual([]);
    });

    it('moves through the state machine writing an event with actor and reason', async () => {
      const { workspace } = await makeWorkspace(deps);
      const agent = await makeMember(deps, workspace.id, 'agent', 'Nia');
      const { conversation } = await makeConversation(deps, workspace.id);
      const base = { workspaceId: workspace.id, conversationId: conversation.id };
      await moveConversation(deps, {
        ...base,
        move: 'handoff',
        actor: { type: 'bot' },
        reason: 'topic',
        card: { summary: 'custom build' },
      });
      const taken = await moveConversation(deps, {
        ...base,
        move: 'assign',
        actor: { type: 'user', id: agent.id },
        expectStatus: 'waiting',
      });
      expect(taken.assigneeId).toBe(agent.id);
      await expect(moveConversation(deps, { ...base, move: 'handoff', actor: { type: 'bot' } })).rejects.toBeInstanceOf(
        AppError,
      );
      await moveConversation(deps, { ...base, move: 'resolve', actor: { type: 'user', id: agent.id } });
      await moveConversation(deps, { ...base, move: 'resume', actor: { type: 'visitor' } });
      const log = await deps.db
        .select()
        .from(events)
        .where(and(eq(events.workspaceId, workspace.id), eq(events.conversationId, conversation.id)))
        .orderBy(events.id);
      const moves = log.filter((e) => e.name !== 'message.created');
      expect(moves.map((e) => e.name)).toEqual([
        'conversation.created',
        'handoff.created',
        'conversation.assigned',
        'conversation.resolved',
        'conversation.resumed',
      ]);
      expect(moves[1].data).toMatchObject({ reason: 'topic', from: 'bot', to: 'waiting' });
      expect(moves[2].actorId).toBe(agent.id);
    });

    it("stores the bot's answer only while the chat is with the bot", async () => {
      const { workspace } = await makeWorkspace(deps);
      const { conversation } = await makeConversation(deps, workspace.id);
      const base = { workspaceId: workspace.id, conversationId: conversation.id };
      const answer = (clientId: string) =>
        appendMessage(deps, { ...base, clientId, authorType: 'bot', body: 'Two to five days.', whileStatus: 'bot' });
      expect((await answer('bot:1')).message.seq).toBe(1);
      // A person is asked for while the bot is still writing its next answer.
      await moveConversation(deps, {
        ...base,
        move: 'handoff',
        actor: { type: 'visitor' },
        reason: 'customer_request',
      });
      await expect(answer('bot:2')).rejects.toMatchObject({ code: 'conflict' });
      const thread = await messagesAfter(deps.db, { ...base, afterSeq: 0, audience: 'agent' });
      expect(thread.filter((m) => m.authorType === 'bot').map((m) => m.clientId)).toEqual(['bot:1']);
    });

    it('lets exactly one of two agents claim a waiting chat', async () => {
      const { workspace } = await makeWorkspace(deps);
      const [a, b] = [await makeMember(deps, workspace.id), await makeMember(deps, workspace.id)];
      const { conversation } = await makeConversation(deps, workspace.id);
      const base = { workspaceId: workspace.id, conversationId: conversation.id };
      await moveConversation(deps, {
        ...base,
        move: 'handoff',
        actor: { type: 'visitor' },
        reason: 'customer_request',
      });
      const claims = await Promise.allSettled(
        [a, b].map((u) =>
          moveConversation(deps, {
            ...base,
            move: 'assign',
            actor: { type: 'user', id: u.id },
            expectStatus: 'waiting',
          }),
        ),
      );
      expect(claims.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
      const lost = claims.find((c) => c.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: 'already_claimed' });
    });

    it('hides internal notes from the visitor', async () => {
      const { workspace } = await makeWorkspace(deps);
      const { conversation } = await makeConversation(deps, workspace.id);
      const base = { workspaceId: workspace.id, conversationId: conversation.id };
      await appendMessage(deps, { ...base, clientId: 'v1', authorType: 'visitor', body: 'hi' });
      await appendMessage(deps, { ...base, clientId: 'n1', authorType: 'agent', kind: 'note', body: 'VIP, be nice' });
      const visitor = await messagesAfter(deps.db, { ...base, afterSeq: 0, audience: 'visitor' });
      const agent = await messagesAfter(deps.db, { ...base, afterSeq: 0, audience: 'agent' });
      expect(visitor.map((m) => m.body)).toEqual(['hi']);
      expect(agent.map((m) => m.body)).toEqual(['hi', 'VIP, be nice']);
    });
  });
}
