/**
 * Isolation: every workspace route tried with another workspace's member, every admin route with
 * an agent's role, every id of one workspace inside another's paths, and the visitor socket with
 * another visitor's token. Nothing leaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireMessage } from '../../protocol/socket';
import { call, connectVisitor } from '../clients';
import { startLiveServer, type LiveServer } from '../server';

describe('isolation between workspaces, roles and visitors', () => {
  let server: LiveServer;
  let routes: { method: string; path: string }[];
  let outsider: { cookie: string; csrf: string; workspaceId: string };
  let agent: { cookie: string; csrf: string };
  let conversationId: string;

  beforeAll(async () => {
    server = await startLiveServer();
    const doc = (await (await fetch(`${server.url}/api/docs/json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths)
      // The widget's config is public on purpose (colour, greeting, bot name); everything else is not.
      .filter(([p]) => p.includes('{workspaceId}') && !p.startsWith('/api/widget/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    // Another shop, with its own owner.
    const res = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'owner@other-shop.example',
        password: 'other shop pw',
        name: 'Other',
        workspaceName: 'Other Shop',
      }),
    });
    const body = (await res.json()) as { csrfToken: string; workspaces: { workspace: { id: string } }[] };
    outsider = {
      cookie: res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      csrf: body.csrfToken,
      workspaceId: body.workspaces[0].workspace.id,
    };
    agent = await server.signIn('marcus@riffandrhythm.example');
    // A conversation of the demo shop.
    const v = await connectVisitor(server.url, server.workspaceId);
    const sent = await v.send('My order RR-1234 has not arrived, my email is private@example.com');
    if (!sent.ok) throw new Error('send failed');
    conversationId = sent.data.conversationId;
    v.close();
  });
  afterAll(async () => server?.close());

  const fill = (path: string, workspaceId: string, id: string) =>
    path.replace('{workspaceId}', workspaceId).replace(/\{(id|tagId|chunkId)\}/g, id);

  it('gives a member of another workspace nothing of this one (404 on every route)', async () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const res = await server.api(
        r.method,
        fill(r.path, server.workspaceId, conversationId),
        outsider,
        r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      );
      expect([400, 404], `${r.method} ${r.path}`).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('private@example.com');
    }
  });

  it("does not find this workspace's conversation through another workspace's paths", async () => {
    for (const r of routes.filter((x) => x.path.includes('/conversations/{id}'))) {
      const res = await server.api(
        r.method,
        fill(r.path, outsider.workspaceId, conversationId),
        outsider,
        r.method === 'GET' ? undefined : {},
      );
      expect([400, 404], `${r.method} ${r.path}`).toContain(res.status);
    }
  });

  it('refuses an agent on admin routes', async () => {
    const adminOnly = [
      ['PATCH', '/api/workspaces/{workspaceId}/settings', { handoff: { mode: 'automatic' } }],
      ['POST', '/api/workspaces/{workspaceId}/invitations', { email: 'x@example.com', role: 'admin' }],
      ['GET', '/api/workspaces/{workspaceId}/api-keys', undefined],
      ['POST', '/api/workspaces/{workspaceId}/api-keys', { name: 'mine' }],
      ['POST', '/api/workspaces/{workspaceId}/tags', { name: 'New' }],
      ['POST', '/api/workspaces/{workspaceId}/teams', { name: 'New team' }],
      ['POST', '/api/workspaces/{workspaceId}/knowledge/qa', { question: 'What?', answer: 'That.' }],
      ['GET', '/api/workspaces/{workspaceId}/webhooks', undefined],
      ['POST', '/api/workspaces/{workspaceId}/webhooks', { url: 'http://127.0.0.1:9/x' }],
    ] as const;
    for (const [method, path, body] of adminOnly) {
      const res = await server.api(method, fill(path, server.workspaceId, conversationId), agent, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    // …while the agent does reach the inbox.
    expect(
      (await server.api('GET', `/api/workspaces/${server.workspaceId}/conversations/${conversationId}`, agent)).status,
    ).toBe(200);
  });

  it("never lets a visitor's token read another visitor's conversation", async () => {
    const stranger = await connectVisitor(server.url, server.workspaceId);
    const seen = await call<{ messages: WireMessage[] }>(stranger.socket, 'sync', { afterSeq: 0 });
    expect(seen.ok && seen.data.messages).toEqual([]);
    // The stranger's own send lands in their own conversation, not the other one.
    const mine = await stranger.send('hello');
    expect(mine.ok && mine.data.conversationId).not.toBe(conversationId);
    stranger.close();
  });
});
