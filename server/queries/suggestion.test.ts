/**
 * The copilot on both databases: a reply an agent sends is learned without the customer's
 * details, suggested for a paraphrase in another chat, removable by the owner for good; a chat of
 * another workspace gets no suggestion; handing back to the AI is a move of the state machine.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { events, messages } from '../../db/schema';
import { testDatabases } from '../../tests/databases';
import { makeConversation, makeDeps, makeMember, makeWorkspace } from '../../tests/factories';
import { Knowledge } from '../bot/knowledge';
import { LearnedAnswers } from '../bot/learned';
import { Taggers } from '../bot/tagger';
import { settingsCache } from '../commands/cached';
import { appendMessage, moveConversation, sendAgentMessage } from '../commands/conversations';
import { updateContact } from '../commands/contacts';
import { handBackToAi } from '../commands/hand-back';
import { removeLearnedAnswer } from '../commands/learned-answers';
import type { Deps } from '../commands/unit';
import { startLearning } from '../processors/learning';
import { getConversation } from './conversation';
import { learnedAnswersOf } from './learned-answers';
import { copilotFor, openQuestion, type CopilotSources } from './suggestion';

for (const target of testDatabases()) {
  describe(`copilot on ${target.name}`, () => {
    let handle: DatabaseHandle;
    let deps: Deps;
    let sources: CopilotSources;
    beforeAll(async () => {
      handle = await target.open();
      deps = makeDeps(handle.db);
      startLearning(deps, pino({ level: 'silent' }));
      const learned = new LearnedAnswers(deps);
      learned.start();
      const config = settingsCache(deps);
      config.start(deps);
      sources = { knowledge: new Knowledge(deps), learned, taggers: new Taggers(deps), config };
    });
    afterAll(async () => handle?.close());

    async function handedOff(workspaceId: string, question: string) {
      const { conversation, contact } = await makeConversation(deps, workspaceId);
      const base = { workspaceId, conversationId: conversation.id };
      await appendMessage(deps, { ...base, clientId: 'v1', authorType: 'visitor', body: question });
      await moveConversation(deps, { ...base, move: 'handoff', actor: { type: 'bot' }, reason: 'topic' });
      return { base, contact };
    }

    it('learns a reply without the customer, suggests it for a paraphrase, and forgets it when removed', async () => {
      const { workspace, owner } = await makeWorkspace(deps);
      const agent = await makeMember(deps, workspace.id, 'agent', 'Dana');
      const member = { workspaceId: workspace.id, role: 'agent' };
      const first = await handedOff(
        workspace.id,
        'Hi, I am Maria Lopez. Do you take trade-ins of vintage synthesizers? maria@example.com',
      );
      await updateContact(deps, {
        workspaceId: workspace.id,
        contactId: first.contact.id,
        name: 'Maria Lopez',
        actor: 'visitor',
      });
      const empty = await copilotFor(deps, sources, member, first.base.conversationId);
      expect(empty.suggestion).toMatchObject({ kind: 'none', text: '', empty: 'no_material' });

      await sendAgentMessage(deps, {
        ...first.base,
        userId: agent.id,
        clientId: 'a1',
        note: false,
        body: 'Hi Maria! We do: vintage synths get an in-person appraisal, and we offer store credit or cash. I will write to maria@example.com.',
      });
      await deps.bus.idle();
      const [row] = await learnedAnswersOf(deps.db, workspace.id);
      expect(row).toMatchObject({
        question: 'Hi, Do you take trade-ins of vintage synthesizers?',
        answer: 'We do: vintage synths get an in-person appraisal, and we offer store credit or cash.',
        authorName: 'Dana',
      });
      expect(JSON.stringify(row)).not.toMatch(/maria/i);

      const second = await handedOff(workspace.id, 'would you buy my old vintage synth?');
      const view = await copilotFor(deps, sources, member, second.base.conversationId);
      expect(view.suggestion).toMatchObject({ kind: 'team', text: row.answer, learned: { id: row.id } });
      expect(view.question).toBe('would you buy my old vintage synth?');

      // Another shop's member never gets a suggestion for this chat.
      const other = await makeWorkspace(deps);
      await expect(
        copilotFor(deps, sources, { workspaceId: other.workspace.id, role: 'owner' }, second.base.conversationId),
      ).rejects.toMatchObject({ code: 'not_found' });

      await removeLearnedAnswer(deps, { workspaceId: workspace.id, id: row.id, actor: { type: 'user', id: owner.id } });
      await deps.bus.idle();
      expect(await learnedAnswersOf(deps.db, workspace.id)).toEqual([]);
      // A later reply in the same chat does not teach the removed answer again.
      await sendAgentMessage(deps, {
        ...first.base,
        userId: agent.id,
        clientId: 'a2',
        note: false,
        body: 'Vintage synths get an in-person appraisal at the counter, any weekday.',
      });
      await deps.bus.idle();
      expect(await learnedAnswersOf(deps.db, workspace.id)).toEqual([]);
      const after = await copilotFor(deps, sources, member, second.base.conversationId);
      expect(after.suggestion.kind).toBe('none');
    });

    it('hands a chat back to the AI: an audited move with a system message in the thread', async () => {
      const { workspace } = await makeWorkspace(deps);
      const agent = await makeMember(deps, workspace.id);
      const { base } = await handedOff(workspace.id, 'Can I get a quote for a custom build?');
      await moveConversation(deps, { ...base, move: 'assign', actor: { type: 'user', id: agent.id } });
      const c = await handBackToAi(deps, { ...base, actor: { type: 'user', id: agent.id } });
      expect(c).toMatchObject({ status: 'bot', assigneeId: null, resolvedAt: null });
      const [event] = await deps.db
        .select()
        .from(events)
        .where(and(eq(events.conversationId, base.conversationId), eq(events.name, 'conversation.handed_back')));
      expect(event).toMatchObject({ actorType: 'user', actorId: agent.id, data: { from: 'human', to: 'bot' } });
      const [system] = await deps.db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, base.conversationId), eq(messages.kind, 'event')))
        .orderBy(messages.seq)
        .then((rows) => rows.slice(-1));
      expect(system.meta).toMatchObject({ event: 'conversation.handed_back', to: 'bot' });
      // Not from the AI's own hands: a chat with the bot cannot be handed back.
      await expect(handBackToAi(deps, { ...base, actor: { type: 'user', id: agent.id } })).rejects.toMatchObject({
        code: 'illegal_transition',
      });
      expect((await getConversation(deps.db, workspace.id, base.conversationId)).status).toBe('bot');
    });
  });
}

describe('the question the copilot answers', () => {
  const visitor = (seq: number, body: string) => ({ seq, authorType: 'visitor', body, meta: {} });
  const bot = (seq: number, question: string, meta: Record<string, unknown> = {}) => ({
    seq,
    authorType: 'bot',
    body: '…',
    meta: { question, ...meta },
  });
  const agent = (seq: number) => ({ seq, authorType: 'agent', body: 'Let me check.', meta: {} });

  it('is what the AI did not answer, not the questions it already did', () => {
    const thread = [
      visitor(1, 'how long does shipping take'),
      bot(2, 'how long does shipping take'),
      visitor(3, 'I was charged twice for my order!!'),
      bot(4, 'I was charged twice for my order!!', { handoff: true }),
      visitor(5, 'can I talk to a person'),
    ];
    expect(openQuestion(thread)).toBe('I was charged twice for my order!!');
  });

  it('counts an answer that abstained or offered a person as not answered', () => {
    const thread = [
      visitor(1, 'do you sell matcha'),
      bot(2, 'do you sell matcha', { abstained: true }),
      visitor(3, 'my box arrived crushed'),
      bot(4, 'my box arrived crushed', { suggestHandoff: true }),
    ];
    expect(openQuestion(thread)).toBe('do you sell matcha\nmy box arrived crushed');
  });

  it('is a question asked again after the AI answered it once', () => {
    const thread = [
      visitor(1, 'do you sell coffee?'),
      bot(2, 'do you sell coffee?', { abstained: true }),
      visitor(3, 'can you post to Ireland?'),
      bot(4, 'can you post to Ireland?'),
      visitor(5, 'I want to talk to a person'),
      bot(6, 'I want to talk to a person', { handoff: true }),
      visitor(7, 'can you post to Ireland?'),
    ];
    expect(openQuestion(thread)).toBe('do you sell coffee?\ncan you post to Ireland?');
    expect(openQuestion(thread.slice(0, 6))).toBe('do you sell coffee?');
  });

  it('is nothing once a person has replied, until the visitor writes again', () => {
    const thread = [visitor(1, 'wholesale price for 40 tins?'), agent(2)];
    expect(openQuestion(thread)).toBeNull();
    expect(openQuestion([...thread, visitor(3, 'and do you deliver to Leeds?')])).toBe('and do you deliver to Leeds?');
  });
});
