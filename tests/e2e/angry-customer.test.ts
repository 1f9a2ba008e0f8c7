/**
 * Angry customers reach a person, measured in the product: real messages from a visitor over
 * Socket.IO, the bot's turn, the queue and the inbox as an agent sees them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireMessage } from '../../protocol/socket';
import { connectAgent, connectVisitor } from '../clients';
import { startLiveServer, type LiveServer } from '../server';

const isBot = (m: WireMessage) => m.author.type === 'bot';

describe('an angry customer over the live chat', () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLiveServer();
  });
  afterAll(async () => server?.close());

  const setFrustrationMode = async (frustrationMode: 'handoff' | 'suggest') => {
    const admin = await server.signIn();
    const res = await server.api<{ settings: { handoff: { mode: string; frustrationMode: string } } }>(
      'PATCH',
      `/api/workspaces/${server.workspaceId}/settings`,
      admin,
      { handoff: { frustrationMode } },
    );
    expect(res.status).toBe(200);
    expect(res.body.settings.handoff).toMatchObject({ mode: 'suggest', frustrationMode });
  };

  it.each([
    'This is a total joke. Two weeks and my package still has not moved. I want my money back NOW!',
    "I asked you this yesterday already. Worst shop I've ever dealt with, I'm absolutely fuming.",
  ])('moves "%s" to the queue in suggest mode, with an apology and the reason', async (text) => {
    const admin = await server.signIn();
    const agent = await connectAgent(server.url, admin, server.workspaceId);
    const v = await connectVisitor(server.url, server.workspaceId);
    const sent = await v.send(text);
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    const state = await v.nextState((s) => s.status === 'waiting');
    const apology = await v.next((m) => isBot(m) && m.seq > sent.data.seq);
    expect(apology.body).toMatch(/sorry/i);
    expect(apology.body).toMatch(/person/i);
    const created = await agent.next((e) => e.name === 'handoff.created' && e.conversationId === state.conversationId);
    expect(created.data.reason).toBe('frustration');
    const conv = await server.api<{ status: string; handoffReason: string; handoffCard: { reason: string } }>(
      'GET',
      `/api/workspaces/${server.workspaceId}/conversations/${state.conversationId}`,
      admin,
    );
    expect(conv.body).toMatchObject({ status: 'waiting', handoffReason: 'frustration' });
    expect(conv.body.handoffCard.reason).toBe('frustration');
    agent.close();
    v.close();
  });

  it('only offers a person when the workspace turns frustration back to "suggest"', async () => {
    await setFrustrationMode('suggest');
    try {
      const v = await connectVisitor(server.url, server.workspaceId);
      const sent = await v.send('This is ridiculous, third time I am asking where my refund is!!');
      expect(sent.ok).toBe(true);
      if (!sent.ok) return;
      const reply = await v.next((m) => isBot(m) && m.seq > sent.data.seq);
      expect(reply.meta.suggestHandoff).toBe(true);
      expect(reply.body).toMatch(/sorry/i);
      await server.idle();
      expect(v.states.at(-1)?.status ?? 'bot').toBe('bot');
      expect(v.states.some((s) => s.status === 'waiting')).toBe(false);
      v.close();
    } finally {
      await setFrustrationMode('handoff');
    }
  });

  it('keeps a calm question with the bot, and answers small talk without a handoff', async () => {
    const v = await connectVisitor(server.url, server.workspaceId);
    for (const text of ['hi there', 'How long does shipping take?', 'thanks!']) {
      const sent = await v.send(text);
      if (!sent.ok) throw new Error(sent.error.message);
      const reply = await v.next((m) => isBot(m) && m.seq > sent.data.seq);
      expect(reply.meta.suggestHandoff).toBeUndefined();
    }
    await server.idle();
    expect(v.states.some((s) => s.status === 'waiting')).toBe(false);
    v.close();
  });

  it('keeps a polite hedge and a sick pet with the bot: no apology, no handoff', async () => {
    for (const text of [
      'I hate to bother you but how long does shipping take?',
      'do you have a dog food for sick dogs',
    ]) {
      const v = await connectVisitor(server.url, server.workspaceId);
      const sent = await v.send(text);
      if (!sent.ok) throw new Error(sent.error.message);
      const reply = await v.next((m) => isBot(m) && m.seq > sent.data.seq);
      await server.idle();
      expect(reply.body, text).not.toMatch(/sorry/i);
      expect(v.states.some((s) => s.status === 'waiting')).toBe(false);
      v.close();
    }
  });

  it('hands a calm report of trouble to a person in suggest mode, with an apology and the reason', async () => {
    // No handoff topic takes it in the demo, and the shipping page has a damage policy to quote:
    // the policy is half the help, and only a person can put the order right.
    const admin = await server.signIn();
    const v = await connectVisitor(server.url, server.workspaceId);
    const sent = await v.send('my guitar arrived damaged');
    if (!sent.ok) throw new Error(sent.error.message);
    const state = await v.nextState((s) => s.status === 'waiting');
    const reply = await v.next((m) => isBot(m) && m.seq > sent.data.seq);
    expect(reply.body).toMatch(/^I'm sorry about that\. /);
    expect(reply.body).toMatch(/person/i);
    const conv = await server.api<{ status: string; handoffReason: string }>(
      'GET',
      `/api/workspaces/${server.workspaceId}/conversations/${state.conversationId}`,
      admin,
    );
    expect(conv.body).toMatchObject({ status: 'waiting', handoffReason: 'problem' });
    v.close();
  });
});
