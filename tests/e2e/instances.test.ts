/**
 * Two server processes on one PostgreSQL database: a visitor on instance A, the agent on
 * instance B; the handoff and the messages cross between them both ways. Then A is killed and the
 * visitor reconnects to B with its token: catching up by sequence number loses and repeats nothing.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent, WireMessage } from '../../protocol/socket';
import { call, connectAgent, connectVisitor, type AgentClient } from '../clients';
import { freshPostgresUrl } from '../databases';
import { running } from '../load/chatter';
import { api, signIn, type Session } from '../load/remote';
import { startServerProcess, tempDir, type ServerProcess } from '../process';

const ADMIN = { CHATREF_ADMIN_EMAIL: 'admin@riffandrhythm.example', CHATREF_ADMIN_PASSWORD: 'test-password-123' };
/** Cached settings live a minute here: a change seen on the other instance at once can only be the relay. */
const LONG_CACHE = { CHATREF_CACHE_TTL_MS: '60000' };

/** The first event (already received or still to come) that matches. */
function eventOf(agent: AgentClient, match: (e: AgentEvent) => boolean, ms = 15_000): Promise<AgentEvent> {
  const seen = agent.events.find(match);
  return seen ? Promise.resolve(seen) : agent.next(match, ms);
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('two instances on one PostgreSQL database', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let drop: () => Promise<void>;
  let admin: Session;
  // Unused on PostgreSQL, but given so that no temporary folder is left behind.
  const dataDir = tempDir();

  beforeAll(async () => {
    const db = await freshPostgresUrl(process.env.TEST_DATABASE_URL!);
    drop = db.drop;
    // One after the other: the first one migrates and seeds the demo, the second finds it done.
    a = await startServerProcess({
      ...ADMIN,
      ...LONG_CACHE,
      CHATREF_TRUST_PROXY: '1',
      DATABASE_URL: db.url,
      CHATREF_DATA_DIR: dataDir,
    });
    b = await startServerProcess({
      ...ADMIN,
      ...LONG_CACHE,
      CHATREF_TRUST_PROXY: '1',
      DATABASE_URL: db.url,
      CHATREF_DATA_DIR: dataDir,
    });
    admin = await signIn(b.url, ADMIN.CHATREF_ADMIN_EMAIL, ADMIN.CHATREF_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    for (const p of [a, b]) if (p && running(p)) await p.stop('SIGKILL');
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("takes an admin's change made on the other instance into account at once", async () => {
    const ws = admin.workspaceId;
    const visitor = await connectVisitor(a.url, ws);
    const ask = async (body: string, clientId: string, ms?: number) => {
      const ack = await visitor.send(body, clientId);
      expect(ack.ok).toBe(true);
      return visitor.next((m) => m.author.type === 'bot' && ack.ok && m.seq > ack.data.seq, ms);
    };
    // The first answer puts A's settings in its cache; the change is made on B. It also loads the
    // demo's knowledge on A, which on a busy machine can take longer than an answer's usual wait.
    expect((await ask('Do you ship to Canada?', 'settings-1', 60_000)).author.name).toBe('Riff & Rhythm assistant');
    const changed = await api(b.url, 'PATCH', `/api/workspaces/${ws}/settings`, admin, {
      widget: { botName: 'Robin' },
    });
    expect(changed.status).toBe(200);
    // A's cache would keep the old name for a minute: only the relay can have told A.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await ask('How long does shipping take?', 'settings-2')).author.name).toBe('Robin');
    const back = await api(b.url, 'PATCH', `/api/workspaces/${ws}/settings`, admin, {
      widget: { botName: 'Riff & Rhythm assistant' },
    });
    expect(back.status).toBe(200);
    visitor.close();
  }, 90_000);

  it("cuts a removed, demoted or signed-out member's socket on the other instance within a second", async () => {
    const ws = admin.workspaceId;
    /** The ms from the change's response to the socket's disconnect on the other instance. */
    const cutAfter = async (agent: AgentClient, change: () => Promise<{ status: number }>) => {
      const disconnected = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('still connected after 5 s')), 5000);
        agent.socket.once('disconnect', () => (clearTimeout(timer), resolve(performance.now())));
      });
      const res = await change();
      const answered = performance.now();
      expect(res.status).toBe(204);
      return Math.max(0, (await disconnected) - answered);
    };
    const password = ADMIN.CHATREF_ADMIN_PASSWORD;
    // Demoted on B, connected to A.
    const dana = await signIn(b.url, 'dana@riffandrhythm.example', password);
    const demoted = await cutAfter(await connectAgent(a.url, dana, ws), () =>
      api(b.url, 'PATCH', `/api/workspaces/${ws}/members/${dana.userId}`, admin, { role: 'admin' }),
    );
    // Signed out on A, connected to B.
    const danaAgain = await signIn(a.url, 'dana@riffandrhythm.example', password);
    const signedOut = await cutAfter(await connectAgent(b.url, danaAgain, ws), () =>
      api(a.url, 'POST', '/api/auth/signout', danaAgain, {}),
    );
    // Removed on A, connected to B.
    const marcus = await signIn(a.url, 'marcus@riffandrhythm.example', password);
    const removed = await cutAfter(await connectAgent(b.url, marcus, ws), () =>
      api(a.url, 'DELETE', `/api/workspaces/${ws}/members/${marcus.userId}`, admin),
    );
    expect({ demoted, signedOut, removed }).toEqual({
      demoted: expect.any(Number) as number,
      signedOut: expect.any(Number) as number,
      removed: expect.any(Number) as number,
    });
    expect(Math.max(demoted, signedOut, removed)).toBeLessThan(1000);
    // And on B the removed member's session may no longer join.
    await expect(connectAgent(b.url, marcus, ws)).rejects.toThrow(/no such workspace/);
  }, 60_000);

  it('carries the handoff and the messages across instances, and loses nothing when one dies', async () => {
    const ws = admin.workspaceId;
    const agentOnB = await connectAgent(b.url, admin, ws);
    const agentOnA = await connectAgent(a.url, admin, ws);
    const visitor = await connectVisitor(a.url, ws);

    // Visitor (A) → agents (B, and A): the handoff.
    const first = await visitor.send('How long does shipping take?');
    expect(first.ok).toBe(true);
    await visitor.next((m) => m.author.type === 'bot' && first.ok && m.seq > first.data.seq);
    const waitingState = visitor.nextState((s) => s.status === 'waiting');
    expect((await call(visitor.socket, 'handoff', {})).ok).toBe(true);
    const waiting = await waitingState;
    const conversationId = waiting.conversationId!;
    const isHandoff = (e: AgentEvent) => e.name === 'handoff.created' && e.conversationId === conversationId;
    await eventOf(agentOnB, isHandoff);
    await eventOf(agentOnA, isHandoff);

    // Agent (B) → visitor (A): pick up, then a reply.
    const humanState = visitor.nextState((s) => s.status === 'human');
    const pickup = await api(b.url, 'POST', `/api/workspaces/${ws}/conversations/${conversationId}/pickup`, admin, {});
    expect(pickup.status).toBe(200);
    await humanState;
    const reply = await call<WireMessage>(agentOnB.socket, 'send', {
      conversationId,
      clientId: 'agent-1',
      body: 'Hello from instance B, how can I help?',
    });
    expect(reply.ok).toBe(true);
    const received = await visitor.next((m) => m.author.type === 'agent' && m.clientId === 'agent-1');
    expect(received.body).toBe('Hello from instance B, how can I help?');

    // Visitor (A) → agent (B): the answer.
    const second = await visitor.send('I would like a left-handed neck.', 'visitor-2');
    expect(second.ok).toBe(true);
    const onB = await eventOf(agentOnB, (e) => e.name === 'message.created' && e.message?.clientId === 'visitor-2');
    expect(onB.message?.body).toBe('I would like a left-handed neck.');

    // A dies; the visitor comes back on B with its token and catches up from the database.
    const seenBefore = [...visitor.messages];
    await a.stop('SIGKILL');
    visitor.close();
    agentOnA.close();
    const back = await connectVisitor(b.url, ws, { token: visitor.session.token });
    expect(back.session.visitorId).toBe(visitor.session.visitorId);
    expect(back.session.state).toMatchObject({ conversationId, status: 'human' });
    const sync = await call<{ messages: WireMessage[] }>(back.socket, 'sync', { afterSeq: 0 });
    expect(sync.ok).toBe(true);
    if (!sync.ok) return;
    const all = sync.data.messages;
    const seqs = all.map((m) => m.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    for (const m of seenBefore)
      expect(
        all.find((x) => x.id === m.id),
        `message ${m.seq} lost`,
      ).toBeDefined();
    for (const ack of [first, second, reply])
      if (ack.ok) expect(all.filter((m) => m.id === ack.data.id)).toHaveLength(1);
    expect(all.filter((m) => m.clientId === 'visitor-2')).toHaveLength(1);
    expect(all.filter((m) => m.clientId === 'agent-1')).toHaveLength(1);

    // And the chat goes on, on B alone.
    const third = await back.send('Still there?', 'visitor-3');
    expect(third.ok).toBe(true);
    await eventOf(agentOnB, (e) => e.name === 'message.created' && e.message?.clientId === 'visitor-3');
    expect(
      (await call(agentOnB.socket, 'send', { conversationId, clientId: 'agent-2', body: 'Yes, still here.' })).ok,
    ).toBe(true);
    await back.next((m) => m.clientId === 'agent-2');
    back.close();
    agentOnB.close();
  }, 90_000);

  it('stops cleanly on SIGTERM, letting go of its PostgreSQL connections', async () => {
    // B has served sockets through the PostgreSQL adapter, whose LISTEN connection held the pool
    // open: the process used to wait forever for it.
    const exited = b.stop('SIGTERM');
    const late = new Promise((r) => setTimeout(() => r('still running after 15 s'), 15_000));
    expect(await Promise.race([exited, late])).toBe(0);
  }, 30_000);
});
