/**
 * "How did we do?" and the transcript: once per resolution, only from the conversation's own
 * visitor, refused when the workspace turned it off, transcripts limited — on every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { events, messages, satisfactionRatings } from '../../db/schema';
import { testDatabases } from '../../tests/databases';
import { makeConversation, makeDeps, makeMember, makeWorkspace, uid } from '../../tests/factories';
import { isVisibleTo } from '../domain/visibility';
import { AppError } from '../errors';
import type { StoredEvent } from '../events/bus';
import { followUpState } from '../queries/follow-up';
import { appendMessage, moveConversation } from './conversations';
import { endChat } from './end-chat';
import { commentOnRating, rateConversation } from './satisfaction';
import { requestTranscript } from './transcript';
import type { Deps } from './unit';
import { updateSettings } from './workspace';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`),
  );

for (const database of testDatabases()) {
  describe(`satisfaction and transcript (${database.name})`, () => {
    let handle: DatabaseHandle;
    let deps: Deps;
    const published: StoredEvent[] = [];
    beforeAll(async () => {
      handle = await database.open();
      deps = makeDeps(handle.db);
      deps.bus.on('*', (e) => void published.push(e));
    });
    afterAll(async () => handle?.close());

    /** A chat a person took and resolved, with its visitor. */
    async function resolvedChat() {
      const { workspace } = await makeWorkspace(deps);
      const agent = await makeMember(deps, workspace.id, 'agent', 'Sam');
      const visitorId = `v-${uid()}`;
      const { conversation } = await makeConversation(deps, workspace.id, visitorId);
      const move = (m: 'assign' | 'resolve' | 'handoff') =>
        moveConversation(deps, {
          workspaceId: workspace.id,
          conversationId: conversation.id,
          move: m,
          actor: m === 'handoff' ? { type: 'bot' } : { type: 'user', id: agent.id },
          reason: m === 'handoff' ? 'customer_request' : undefined,
        });
      await move('handoff');
      await move('assign');
      await move('resolve');
      const visitor = { workspaceId: workspace.id, visitorId, conversationId: conversation.id };
      return { workspace, agent, conversation, visitor, move };
    }

    it('takes one rating per resolution, from the visitor, with the agent who had the chat', async () => {
      const { agent, conversation, visitor } = await resolvedChat();
      const r = await rateConversation(deps, { ...visitor, rating: 'bad' });
      expect(r).toMatchObject({ rating: 'bad', handledBy: 'human', agentId: agent.id, comment: null });
      expect(await codeOf(rateConversation(deps, { ...visitor, rating: 'good' }))).toBe('conflict');
      expect(await codeOf(commentOnRating(deps, { ...visitor, comment: 'Took ages' }))).toBe('accepted');
      expect(await codeOf(commentOnRating(deps, { ...visitor, comment: 'again' }))).toBe('conflict');
      const stored = await deps.db
        .select()
        .from(satisfactionRatings)
        .where(eq(satisfactionRatings.conversationId, conversation.id));
      expect(stored.map((s) => [s.rating, s.comment])).toEqual([['bad', 'Took ages']]);
      expect(await followUpState(deps.db, visitor, conversation.id, true)).toMatchObject({
        rating: 'rated',
        commented: true,
      });

      await deps.bus.idle();
      const names = published.filter((e) => e.conversationId === conversation.id).map((e) => e.name);
      expect(names).toContain('csat.submitted');
      expect(names).toContain('csat.commented');
      // The thread shows it to the team, never to the visitor.
      const lines = await deps.db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conversation.id), eq(messages.kind, 'event')));
      const csat = lines.filter((m) => String(m.meta.event).startsWith('csat.'));
      expect(csat.map((m) => m.meta)).toEqual([
        { event: 'csat.submitted', rating: 'bad' },
        { event: 'csat.commented', rating: 'bad', comment: 'Took ages' },
      ]);
      expect(csat.some((m) => isVisibleTo(m, 'visitor'))).toBe(false);
    });

    it('asks again only after the conversation is resolved again', async () => {
      const { visitor, workspace, conversation, move } = await resolvedChat();
      await rateConversation(deps, { ...visitor, rating: 'good' });
      await appendMessage(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        clientId: uid(),
        authorType: 'visitor',
        body: 'one more thing',
      });
      await moveConversation(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        move: 'resume',
        actor: { type: 'visitor' },
      });
      expect(await codeOf(rateConversation(deps, { ...visitor, rating: 'okay' }))).toBe('conflict');
      await move('handoff');
      await move('assign');
      await move('resolve');
      expect(await codeOf(rateConversation(deps, { ...visitor, rating: 'okay' }))).toBe('accepted');
    });

    it("refuses another visitor, and another workspace's visitor, as not found", async () => {
      const { visitor } = await resolvedChat();
      const other = await resolvedChat();
      expect(await codeOf(rateConversation(deps, { ...visitor, visitorId: `v-${uid()}`, rating: 'good' }))).toBe(
        'not_found',
      );
      expect(
        await codeOf(
          rateConversation(deps, { ...other.visitor, conversationId: visitor.conversationId, rating: 'good' }),
        ),
      ).toBe('not_found');
      expect(
        await codeOf(
          requestTranscript(deps, { ...visitor, visitorId: other.visitor.visitorId, email: 'a@b.example' }, true),
        ),
      ).toBe('not_found');
    });

    it('refuses ratings and transcripts the workspace turned off, and before the resolve', async () => {
      const { workspace } = await makeWorkspace(deps);
      const visitorId = `v-${uid()}`;
      const { conversation } = await makeConversation(deps, workspace.id, visitorId);
      const visitor = { workspaceId: workspace.id, visitorId, conversationId: conversation.id };
      expect(await codeOf(rateConversation(deps, { ...visitor, rating: 'good' }))).toBe('conflict');
      expect(await codeOf(requestTranscript(deps, { ...visitor, email: 'me@example.com' }, true))).toBe('conflict');
      // An AI-only chat the visitor ends may be rated, apart from the team's chats.
      await endChat(deps, visitor);
      await updateSettings(deps, workspace.id, { satisfaction: { aiChats: false }, transcript: { enabled: false } });
      expect(await codeOf(rateConversation(deps, { ...visitor, rating: 'good' }))).toBe('forbidden');
      expect(await codeOf(requestTranscript(deps, { ...visitor, email: 'me@example.com' }, true))).toBe('forbidden');
      expect(await followUpState(deps.db, visitor, conversation.id, true)).toMatchObject({
        rating: 'off',
        transcript: false,
      });
      await updateSettings(deps, workspace.id, { satisfaction: { aiChats: true } });
      const r = await rateConversation(deps, { ...visitor, rating: 'okay' });
      expect(r).toMatchObject({ handledBy: 'ai', agentId: null });

      const chat = await resolvedChat();
      await updateSettings(deps, chat.workspace.id, { satisfaction: { enabled: false } });
      expect(await codeOf(rateConversation(deps, { ...chat.visitor, rating: 'good' }))).toBe('forbidden');
    });

    it('never lets the visitor end a chat a person has', async () => {
      const { visitor, move } = await resolvedChat();
      await appendMessage(deps, {
        workspaceId: visitor.workspaceId,
        conversationId: visitor.conversationId,
        clientId: uid(),
        authorType: 'visitor',
        body: 'hello again',
      });
      await moveConversation(deps, { ...visitor, move: 'resume', actor: { type: 'visitor' } });
      await move('handoff');
      expect(await codeOf(endChat(deps, visitor))).toBe('illegal_transition');
    });

    it('offers and takes no transcript when the server cannot send email', async () => {
      const { visitor, conversation } = await resolvedChat();
      expect(await followUpState(deps.db, visitor, conversation.id, false)).toMatchObject({ transcript: false });
      expect(await codeOf(requestTranscript(deps, { ...visitor, email: 'me@example.com' }, false))).toBe('forbidden');
      expect(await followUpState(deps.db, visitor, conversation.id, true)).toMatchObject({ transcript: true });
    });

    it('sends the transcript to the typed or captured address, a few times an hour at most', async () => {
      const { visitor, conversation } = await resolvedChat();
      expect(await codeOf(requestTranscript(deps, visitor, true))).toBe('invalid_input');
      for (let i = 0; i < 3; i++)
        expect(await requestTranscript(deps, { ...visitor, email: 'me@example.com' }, true)).toEqual({
          email: 'me@example.com',
        });
      expect(await codeOf(requestTranscript(deps, { ...visitor, email: 'me@example.com' }, true))).toBe('rate_limited');
      const recorded = await deps.db
        .select()
        .from(events)
        .where(and(eq(events.conversationId, conversation.id), eq(events.name, 'transcript.requested')));
      expect(recorded).toHaveLength(3);
    });
  });
}
