import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { createOutbound } from '../../net/outbound';
import { webhookDeliveries, webhooks } from '../../db/schema';
import { makeConversation, makeDeps, makeWorkspace } from '../../tests/factories';
import { moveConversation } from '../commands/conversations';
import type { Deps } from '../commands/unit';
import { SIGNATURE_HEADER, Webhooks } from './webhooks';

describe('webhooks', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let receiver: Server;
  let url: string;
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  let failuresLeft = 0;
  // The receiver is on loopback: allowed explicitly (the default refuses it; see tests/e2e/ssrf).
  const local = createOutbound({ allowPrivate: true });

  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    let now = Date.UTC(2026, 10, 25, 12);
    deps = makeDeps(handle.db, () => new Date((now += 1000)));
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await local.close();
    receiver?.close();
    await handle?.close();
  });

  it('delivers handoff.created signed with HMAC, retrying a failing endpoint with backoff', async () => {
    const hooks = new Webhooks(deps, pino({ level: 'silent' }), {
      intervalMs: 60_000,
      backoffS: [0, 0, 0],
      fetch: local.fetch,
    });
    const stop = hooks.start();
    const { workspace } = await makeWorkspace(deps);
    const secret = 'whsec_test';
    const [hook] = await handle.db
      .insert(webhooks)
      .values({ workspaceId: workspace.id, url, secret, events: ['handoff.created'] })
      .returning();
    failuresLeft = 2;
    const { conversation } = await makeConversation(deps, workspace.id);
    await moveConversation(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      move: 'handoff',
      actor: { type: 'bot' },
      reason: 'topic',
    });
    await deps.bus.idle();
    for (let i = 0; i < 3; i++) await hooks.drain();

    expect(received).toHaveLength(1);
    const { headers, body } = received[0];
    const event = JSON.parse(body);
    expect(event).toMatchObject({
      event: 'handoff.created',
      conversationId: conversation.id,
      data: { reason: 'topic' },
    });
    const [t, sig] = String(headers[SIGNATURE_HEADER]).split(',');
    const expected = createHmac('sha256', secret)
      .update(`${t.slice(2)}.${body}`)
      .digest('hex');
    expect(sig).toBe(`sha256=${expected}`);

    const [d] = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 204 });
    stop();
  });

  it('only sends the events a webhook subscribed to, and gives up after the last retry', async () => {
    const hooks = new Webhooks(deps, pino({ level: 'silent' }), {
      intervalMs: 60_000,
      backoffS: [0],
      fetch: local.fetch,
    });
    const stop = hooks.start();
    const { workspace } = await makeWorkspace(deps);
    const [hook] = await handle.db
      .insert(webhooks)
      .values({ workspaceId: workspace.id, url, secret: 's', events: ['conversation.resolved'] })
      .returning();
    const { conversation } = await makeConversation(deps, workspace.id);
    const base = { workspaceId: workspace.id, conversationId: conversation.id };
    await moveConversation(deps, { ...base, move: 'handoff', actor: { type: 'bot' }, reason: 'topic' });
    failuresLeft = 5;
    await moveConversation(deps, { ...base, move: 'resolve', actor: { type: 'system' } });
    await deps.bus.idle();
    for (let i = 0; i < 3; i++) await hooks.drain();
    const rows = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(rows.map((r) => r.eventName)).toEqual(['conversation.resolved']);
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: 2, responseStatus: 503 });
    failuresLeft = 0;
    stop();
  });

  it('sends nothing to an internal address by default: the delivery fails at once with a code', async () => {
    const hooks = new Webhooks(deps, pino({ level: 'silent' }), { intervalMs: 60_000, backoffS: [0, 0, 0] });
    const stop = hooks.start();
    const { workspace } = await makeWorkspace(deps);
    const [hook] = await handle.db
      .insert(webhooks)
      .values({ workspaceId: workspace.id, url, secret: 's', events: ['handoff.created'] })
      .returning();
    const before = received.length;
    const { conversation } = await makeConversation(deps, workspace.id);
    await moveConversation(deps, {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      move: 'handoff',
      actor: { type: 'bot' },
      reason: 'topic',
    });
    await deps.bus.idle();
    for (let i = 0; i < 3; i++) await hooks.drain();
    const [d] = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(d).toMatchObject({ status: 'failed', attempts: 1, responseStatus: null });
    expect(d.lastError).toMatch(/^BLOCKED_ADDRESS: 127\.0\.0\.1 is an internal \(loopback\) address/);
    expect(received).toHaveLength(before);
    stop();
  });
});
