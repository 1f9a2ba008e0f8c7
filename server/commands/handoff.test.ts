/**
 * What the bot says for a turn it keeps (the reply, its sources and the offer of a person), and the
 * handoff's card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { ODD_INPUT_REPLY } from '../../engine/conversation/odd-input';
import { makeConversation, makeDeps, makeWorkspace, uid } from '../../tests/factories';
import { getConversation } from '../queries/conversation';
import { appendMessage } from './conversations';
import { botReply, handOff, SUGGEST_TEXT, type TopicReader } from './handoff';
import type { Deps } from './unit';
import { createTag } from './workspace';

const answer = {
  text: 'Orders ship in 2 to 4 business days.',
  citations: [{ chunkId: 'c1', title: 'Shipping', url: null }],
  abstained: false,
};

describe('botReply', () => {
  it('says the answer with its sources', () => {
    expect(botReply(answer, { action: 'answer', reason: null })).toEqual({
      text: answer.text,
      citations: answer.citations,
      offersPerson: false,
      carriesAnswer: true,
      smallTalk: false,
    });
  });

  it('cites nothing for small talk that replaces the answer', () => {
    const reply = botReply(answer, { action: 'answer', reason: null, reply: ODD_INPUT_REPLY.thanks });
    // Nor carries the answer's confidence: the inbox shows none for it.
    expect(reply).toEqual({
      text: ODD_INPUT_REPLY.thanks,
      citations: [],
      offersPerson: false,
      carriesAnswer: false,
      smallTalk: true,
    });
  });

  it('keeps the sources of an answer said after an apology, and offers a person', () => {
    const reply = botReply(answer, {
      action: 'suggest',
      reason: 'frustration',
      preface: "I'm sorry this has been frustrating.",
    });
    expect(reply.citations).toEqual(answer.citations);
    expect(reply.text).toBe(`I'm sorry this has been frustrating. ${answer.text}\n\n${SUGGEST_TEXT}`);
    expect(reply.offersPerson).toBe(true);
  });

  it('offers a person without the offer text when the bot could not answer', () => {
    const unsure = { text: "I'm not sure I can answer that.", citations: [], abstained: true };
    expect(botReply(unsure, { action: 'suggest', reason: 'low_confidence' })).toEqual({
      text: unsure.text,
      citations: [],
      offersPerson: true,
      carriesAnswer: true,
      smallTalk: false,
    });
  });
});

describe('handOff', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
  });
  afterAll(async () => handle?.close());

  it('tags the chat by its questions, not by the "yes please" that took the offer of a person', async () => {
    const { workspace } = await makeWorkspace(deps);
    const club = await createTag(deps, workspace.id, {
      name: 'Wine club account change',
      description: '',
      examples: ['please pause my club membership'],
      needsHuman: true,
      kind: 'topic',
      routeTeamId: null,
      color: '#2563eb',
    });
    // A tagger that, as a real one may, reads "yes please" as the closest topic.
    const taggers: TopicReader = {
      topics: async (_workspaceId, text) =>
        /yes please/.test(text)
          ? [
              {
                tagId: club.id,
                confidence: 0.9,
                tag: { id: club.id, name: club.name, needsHuman: true, routeTeamId: null },
              },
            ]
          : [],
    };
    const { conversation } = await makeConversation(deps, workspace.id);
    for (const body of ['do you sell cigars', 'yes please'])
      await appendMessage(deps, {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        clientId: uid(),
        authorType: 'visitor',
        body,
      });
    await handOff(deps, taggers, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      reason: 'customer_request',
      clientId: uid(),
      actor: 'bot',
    });
    const c = await getConversation(deps.db, workspace.id, conversation.id);
    expect(c.status).toBe('waiting');
    expect(c.handoffCard).toMatchObject({ tags: [] });
  });
});
