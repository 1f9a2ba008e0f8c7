/**
 * The live chat over real sockets on loopback: the visitor's protocol (ack after store, retries,
 * catch-up), the bot's turn and the handoff, isolation between visitors, allowed origins,
 * bad payloads, and a person taking over and handing back to the AI. The server can send email
 * (a loopback SMTP sink), so a visitor nobody can answer is asked for theirs.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, type WireMessage } from '../../protocol/socket';
import { call, connectAgent, connectVisitor } from '../clients';
import { startLiveServer, type LiveServer } from '../server';

describe('live chat over Socket.IO', () => {
  let server: LiveServer;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, _session, cb) => stream.on('data', () => {}).on('end', () => cb()),
  });
  beforeAll(async () => {
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    server = await startLiveServer({
      CHATREF_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    });
  });
  afterAll(async () => {
    await server?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  const isBot = (m: WireMessage) => m.author.type === 'bot';

  it('answers a question from the shop content with a citation, acknowledging after storage', async () => {
    const v = await connectVisitor(server.url, server.workspaceId);
    expect(v.session.token).toMatch(/\./);
    expect(v.session.state.status).toBe('bot');
    const ack = await v.send('How long does shipping take?');
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data.seq).toBeGreaterThan(0);
    const reply = await v.next((m) => isBot(m) && m.seq > ack.data.seq);
    expect(reply.body.toLowerCase()).toMatch(/business day|ship/);
    expect(reply.meta.citations?.length).toBeGreaterThan(0);
    expect(reply.meta.citations?.[0].title).toBeTruthy();
    expect(reply.author.name).toBe('Riff & Rhythm assistant');
    v.close();
  });

  it('never stores a retried send twice, and catches up after reconnecting', async () => {
    const v = await connectVisitor(server.url, server.workspaceId);
    const first = await v.send('Do you sell gift cards?', 'same-id');
    const retry = await v.send('Do you sell gift cards?', 'same-id');
    expect(first.ok && retry.ok).toBe(true);
    if (!first.ok || !retry.ok) return;
    expect(retry.data.id).toBe(first.data.id);
    await v.next((m) => isBot(m) && m.seq > first.data.seq);
    v.close();

    const again = await connectVisitor(server.url, server.workspaceId, { token: v.session.token });
    expect(again.session.state.conversationId).toBe(
      v.session.state.conversationId ?? again.session.state.conversationId,
    );
    const all = await call<{ messages: WireMessage[] }>(again.socket, 'sync', { afterSeq: 0 });
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    const visitorMsgs = all.data.messages.filter((m) => m.author.type === 'visitor');
    expect(visitorMsgs).toHaveLength(1);
    const after = await call<{ messages: WireMessage[] }>(again.socket, 'sync', { afterSeq: first.data.seq });
    expect(after.ok && after.data.messages.every((m) => m.seq > first.data.seq)).toBe(true);
    again.close();
  });

  it("puts a new visitor's two tabs that write first at once into one conversation", async () => {
    const a = await connectVisitor(server.url, server.workspaceId);
    const b = await connectVisitor(server.url, server.workspaceId, { token: a.session.token });
    const [fromA, fromB] = await Promise.all([a.send('Do you sell gift cards?'), b.send('Are you open on Sunday?')]);
    expect(fromA.ok && fromB.ok).toBe(true);
    if (!fromA.ok || !fromB.ok) return;
    expect(fromB.data.conversationId).toBe(fromA.data.conversationId);
    // Each tab sees the other's message: both joined the one conversation.
    await a.next((m) => m.id === fromB.data.id);
    await b.next((m) => m.id === fromA.data.id);
    a.close();
    b.close();
  });

  it("sends a visitor's message to their other tabs, and to the tab that sent it only in its ack", async () => {
    const a = await connectVisitor(server.url, server.workspaceId);
    const first = await a.send('Do you sell gift cards?');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const b = await connectVisitor(server.url, server.workspaceId, { token: a.session.token });
    await a.next((m) => isBot(m) && m.seq > first.data.seq);
    const sent = await a.send('Are you open on Sunday?');
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.data.body).toBe('Are you open on Sunday?');
    // The other tab gets the message and its answer; the sender gets the answer (after the message).
    await b.next((m) => m.id === sent.data.id);
    await b.next((m) => isBot(m) && m.seq > sent.data.seq);
    await a.next((m) => isBot(m) && m.seq > sent.data.seq);
    expect(a.messages.filter((m) => m.author.type === 'visitor')).toEqual([]);
    a.close();
    b.close();
  });

  it('keeps visitors apart: a token reaches only its own conversation, a forged one gets a new identity', async () => {
    const a = await connectVisitor(server.url, server.workspaceId);
    const sent = await a.send('My order number is RR-55555, where is it?');
    expect(sent.ok).toBe(true);
    const b = await connectVisitor(server.url, server.workspaceId);
    const seen = await call<{ messages: WireMessage[] }>(b.socket, 'sync', { afterSeq: 0 });
    expect(seen.ok && seen.data.messages).toEqual([]);
    const [payload] = a.session.token.split('.');
    const forged = await connectVisitor(server.url, server.workspaceId, { token: `${payload}.AAAA` });
    expect(forged.session.visitorId).not.toBe(a.session.visitorId);
    const forgedSeen = await call<{ messages: WireMessage[] }>(forged.socket, 'sync', { afterSeq: 0 });
    expect(forgedSeen.ok && forgedSeen.data.messages).toEqual([]);
    // A token of one workspace is not valid in another.
    const other = await connectVisitor(server.url, '00000000-0000-4000-8000-000000000000', {
      token: a.session.token,
    }).catch((e: { code?: string }) => e);
    expect(other).toMatchObject({ code: 'not_found' });
    for (const c of [a, b, forged]) c.close();
  });

  it('refuses a page from an origin the workspace does not allow', async () => {
    const admin = await server.signIn();
    const set = await server.api('PATCH', `/api/workspaces/${server.workspaceId}/settings`, admin, {
      widget: { allowedOrigins: ['https://riffandrhythm.example'] },
    });
    expect(set.status).toBe(200);
    const refused = await connectVisitor(server.url, server.workspaceId, { origin: 'https://evil.example' }).catch(
      (e: { code?: string }) => e,
    );
    expect(refused).toMatchObject({ code: 'origin_not_allowed' });
    const allowed = await connectVisitor(server.url, server.workspaceId, { origin: 'https://riffandrhythm.example' });
    expect(allowed.session.token).toBeTruthy();
    allowed.close();
    await server.api('PATCH', `/api/workspaces/${server.workspaceId}/settings`, admin, {
      widget: { allowedOrigins: [] },
    });
  });

  it('answers malformed and oversized payloads with a clear error and keeps serving', async () => {
    const v = await connectVisitor(server.url, server.workspaceId);
    const cases: unknown[] = [
      null,
      'hello',
      { body: 'no id' },
      { clientId: 'x', body: '' },
      { clientId: 'x', body: 'y'.repeat(MAX_BODY + 1) },
      { clientId: 42, body: ['a'] },
    ];
    for (const payload of cases) {
      const res = await call(v.socket, 'send', payload);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('invalid_input');
    }
    const tooLong = await call(v.socket, 'send', { clientId: 'x', body: 'y'.repeat(MAX_BODY + 1) });
    expect(!tooLong.ok && tooLong.error.message).toMatch(`longer than ${MAX_BODY}`);
    const ok = await v.send('Are you open on Sunday?');
    expect(ok.ok).toBe(true);
    v.close();
  });

  it('takes every message of a visitor who types several fast: typing notices do not spend their budget', async () => {
    const v = await connectVisitor(server.url, server.workspaceId);
    // Each message the widget sends comes with a start and a stop of typing: 8 messages are 24 events.
    for (let i = 0; i < 8; i++) {
      await call(v.socket, 'typing', { typing: true });
      await call(v.socket, 'typing', { typing: false });
      const sent = await v.send(`Question ${i + 1}: are you open on Sunday?`);
      expect(sent.ok ? 'stored' : sent.error.code).toBe('stored');
    }
    v.close();
  });

  it('hands a custom build quote to the team with reason "topic" and a filled card', async () => {
    const v = await connectVisitor(server.url, server.workspaceId);
    await v.send(
      "Hi, I'm Sam Rivera (sam@example.com). Can you quote me a custom guitar build? My budget is around $3,000.",
    );
    const state = await v.nextState((s) => s.status === 'waiting');
    expect(state.queuePosition).toBeGreaterThanOrEqual(1);
    const admin = await server.signIn();
    const conv = await server.api<{
      handoffReason: string;
      handoffCard: Record<string, unknown>;
      tags: { name: string; source: string }[];
    }>('GET', `/api/workspaces/${server.workspaceId}/conversations/${state.conversationId}`, admin);
    expect(conv.body.handoffReason).toBe('topic');
    const card = conv.body.handoffCard as { details: Record<string, unknown>; summary: string; tried: string[] };
    expect(card.details).toMatchObject({ email: 'sam@example.com' });
    expect(String(card.details.name)).toMatch(/Sam/);
    expect(String(card.details.budget)).toMatch(/3,?000/);
    expect(card.summary.length).toBeGreaterThan(10);
    expect(conv.body.tags.map((t) => t.name)).toContain('Custom orders');
    expect(conv.body.tags.find((t) => t.name === 'Custom orders')?.source).toBe('auto');
    v.close();
  });

  it("hands off a handoff topic asked after other questions (the README's try-it path)", async () => {
    const v = await connectVisitor(server.url, server.workspaceId);
    for (const q of ['How long does shipping take?', 'How much is standard shipping for an order under $99?']) {
      const ack = await v.send(q);
      if (!ack.ok) throw new Error(ack.error.message);
      await v.next((m) => isBot(m) && m.seq > ack.data.seq);
    }
    await v.send('Can you quote me a custom guitar build?');
    const state = await v.nextState((s) => s.status === 'waiting');
    const admin = await server.signIn();
    const conv = await server.api<{ handoffReason: string; teamId: string | null; tags: { name: string }[] }>(
      'GET',
      `/api/workspaces/${server.workspaceId}/conversations/${state.conversationId}`,
      admin,
    );
    expect(conv.body.handoffReason).toBe('topic');
    // Tagged and routed by the topic that called for a person, not by the shipping questions before.
    expect(conv.body.tags[0]?.name).toBe('Custom orders');
    expect(conv.body.teamId).not.toBeNull();
    // The queue shows what the visitor asked, not the bot's words on handing over.
    const queue = await server.api<{ id: string; preview: string | null }[]>(
      'GET',
      `/api/workspaces/${server.workspaceId}/conversations?view=waiting`,
      admin,
    );
    expect(queue.body.find((c) => c.id === state.conversationId)?.preview).toBe(
      'Can you quote me a custom guitar build?',
    );
    v.close();
  });

  it('shows the visitor\'s question in the queue when they tap "Talk to a person" after an answer', async () => {
    const v = await connectVisitor(server.url, server.workspaceId);
    const ack = await v.send('How long does shipping take?');
    if (!ack.ok) throw new Error(ack.error.message);
    await v.next((m) => isBot(m) && m.seq > ack.data.seq);
    await call(v.socket, 'handoff', {});
    const state = await v.nextState((s) => s.status === 'waiting');
    const admin = await server.signIn();
    const queue = await server.api<{ id: string; preview: string | null }[]>(
      'GET',
      `/api/workspaces/${server.workspaceId}/conversations?view=waiting`,
      admin,
    );
    expect(queue.body.find((c) => c.id === state.conversationId)?.preview).toBe('How long does shipping take?');
    v.close();
  });

  it('lets a person take over: the bot is silent, notes stay internal, and after resolve the AI answers again', async () => {
    const admin = await server.signIn();
    const agent = await connectAgent(server.url, admin, server.workspaceId);
    const v = await connectVisitor(server.url, server.workspaceId);
    const handoff = await call(v.socket, 'handoff', {});
    expect(handoff.ok).toBe(true);
    const waiting = await v.nextState((s) => s.status === 'waiting');
    const created = await agent.next(
      (e) => e.name === 'handoff.created' && e.conversationId === waiting.conversationId,
    );
    expect(created.data.reason).toBe('customer_request');

    const pick = await server.api(
      'POST',
      `/api/workspaces/${server.workspaceId}/conversations/${waiting.conversationId}/pickup`,
      admin,
      {},
    );
    expect(pick.status).toBe(200);
    const joined = await v.nextState((s) => s.status === 'human');
    expect(joined.agentName).toBe('Priya Shah');
    // The thread read again (a reload) names who joined, as the live note did, and no more.
    const synced = await call<{ messages: WireMessage[] }>(v.socket, 'sync', { afterSeq: 0 });
    const note = synced.ok && synced.data.messages.find((m) => m.meta.event === 'conversation.assigned');
    expect(note && note.meta).toEqual({ event: 'conversation.assigned', agentName: 'Priya Shah' });

    const reply = await call<WireMessage>(agent.socket, 'send', {
      conversationId: waiting.conversationId,
      clientId: 'a1',
      body: 'Hi, Priya here — how can I help?',
    });
    expect(reply.ok).toBe(true);
    await call(agent.socket, 'send', {
      conversationId: waiting.conversationId,
      clientId: 'n1',
      body: 'INTERNAL: check stock first',
      note: true,
    });
    const fromAgent = await v.next((m) => m.author.type === 'agent');
    expect(fromAgent.author.name).toBe('Priya Shah');

    const q = await v.send('How long does shipping take?');
    expect(q.ok).toBe(true);
    await server.idle();
    expect(v.messages.filter((m) => m.author.type === 'bot' && q.ok && m.seq > q.data.seq)).toEqual([]);

    const resolved = await server.api(
      'POST',
      `/api/workspaces/${server.workspaceId}/conversations/${waiting.conversationId}/resolve`,
      admin,
      {},
    );
    expect(resolved.status).toBe(200);
    await v.nextState((s) => s.status === 'resolved');
    const again = await v.send('Do you offer guitar lessons?');
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const botAgain = await v.next((m) => isBot(m) && m.seq > again.data.seq);
    expect(botAgain.body.length).toBeGreaterThan(0);
    expect(v.messages.some((m) => m.body.includes('INTERNAL'))).toBe(false);
    agent.close();
    v.close();
  });

  it('asks for an email when nobody is online, and keeps it on the contact', async () => {
    const admin = await server.signIn();
    await server.api('POST', '/api/auth/signout', admin, {});
    // Sign-out sets the member offline; everyone else is offline in the demo.
    const v = await connectVisitor(server.url, server.workspaceId);
    await call(v.socket, 'handoff', {});
    const waiting = await v.nextState((s) => s.status === 'waiting' && s.askEmail);
    expect(waiting.agentsOnline).toBe(false);
    const saved = await call<{ contactEmail: string; askEmail: boolean }>(v.socket, 'contact', {
      email: 'drummer@example.com',
    });
    expect(saved.ok && saved.data).toMatchObject({ contactEmail: 'drummer@example.com', askEmail: false });
    const bad = await call(v.socket, 'contact', { email: 'not an email' });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    v.close();
  });
});
