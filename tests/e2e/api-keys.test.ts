/**
 * API key scopes (issue 14): each route class answers a key only with its scope; a key never
 * manages keys or members unless it is an admin key; another workspace's key sees nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKeyScope } from '../../protocol/scopes';
import { startLiveServer, type LiveServer } from '../server';

describe('API key scopes', () => {
  let server: LiveServer;
  let admin: Awaited<ReturnType<LiveServer['signIn']>>;
  let ws: string;
  const keys = new Map<string, { id: string; key: string }>();
  /** A uuid that names nothing: a route that got past its scope check answers 404 for it, not 403. */
  const NONE = '00000000-0000-4000-8000-000000000000';

  const asKey = async (key: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/workspaces/${ws}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.text()) || null };
  };

  beforeAll(async () => {
    server = await startLiveServer({ LOG_LEVEL: 'silent' });
    admin = await server.signIn();
    ws = server.workspaceId;
    const make = async (name: string, scopes?: ApiKeyScope[]) => {
      const res = await server.api<{ id: string; key: string; scopes: ApiKeyScope[] }>(
        'POST',
        `/api/workspaces/${ws}/api-keys`,
        admin,
        { name, ...(scopes ? { scopes } : {}) },
      );
      expect(res.status).toBe(201);
      keys.set(name, res.body);
      return res.body;
    };
    expect((await make('default')).scopes).toEqual(['read']);
    await make('read', ['read']);
    await make('conversations', ['conversations:write']);
    await make('knowledge', ['knowledge:write']);
    await make('admin', ['admin']);
    await make('victim', ['read']);
  });
  afterAll(async () => server?.close());
  const key = (name: string) => keys.get(name)!.key;

  it('refuses a key without a scope', async () => {
    const res = await server.api('POST', `/api/workspaces/${ws}/api-keys`, admin, { name: 'none', scopes: [] });
    expect(res.status).toBe(400);
  });

  it('answers each route class only with its scope', async () => {
    const probes: { name: string; method: string; path: string; body?: unknown; scope: ApiKeyScope }[] = [
      { name: 'list conversations', method: 'GET', path: '/conversations', scope: 'read' },
      { name: 'read the tag feed', method: 'GET', path: '/analytics/tag-feed', scope: 'read' },
      { name: 'list sources', method: 'GET', path: '/knowledge/sources', scope: 'read' },
      {
        name: 'tag a conversation',
        method: 'POST',
        path: `/conversations/${NONE}/tags`,
        body: { tagId: NONE },
        scope: 'conversations:write',
      },
      {
        name: 'resolve',
        method: 'POST',
        path: `/conversations/${NONE}/resolve`,
        body: {},
        scope: 'conversations:write',
      },
      {
        name: 'tag a contact',
        method: 'POST',
        path: `/contacts/${NONE}/tags`,
        body: { tagId: NONE },
        scope: 'conversations:write',
      },
      {
        name: 'add a Q&A entry',
        method: 'POST',
        path: '/knowledge/qa',
        body: { question: 'Do you rent drum kits?', answer: 'Yes, by the week.' },
        scope: 'knowledge:write',
      },
      { name: 'delete a source', method: 'DELETE', path: `/knowledge/sources/${NONE}`, scope: 'knowledge:write' },
      { name: 'change settings', method: 'PATCH', path: '/settings', body: {}, scope: 'admin' },
      { name: 'list webhooks', method: 'GET', path: '/webhooks', scope: 'admin' },
      { name: 'list API keys', method: 'GET', path: '/api-keys', scope: 'admin' },
      { name: 'revoke a key', method: 'DELETE', path: `/api-keys/${NONE}`, scope: 'admin' },
      { name: 'change a member', method: 'PATCH', path: `/members/${NONE}`, body: { role: 'agent' }, scope: 'admin' },
      { name: 'remove a member', method: 'DELETE', path: `/members/${NONE}`, scope: 'admin' },
    ];
    const seen: Record<string, Record<string, string>> = {};
    const expected: Record<string, Record<string, string>> = {};
    for (const p of probes) {
      for (const k of ['read', 'conversations', 'knowledge', 'admin']) {
        const res = await asKey(key(k), p.method, p.path, p.body);
        const scopes = k === 'conversations' ? 'conversations:write' : k === 'knowledge' ? 'knowledge:write' : k;
        const allowed = k === 'admin' || scopes === p.scope;
        (seen[p.name] ??= {})[k] = res.status === 403 ? 'refused' : res.status < 500 ? 'allowed' : `${res.status}`;
        (expected[p.name] ??= {})[k] = allowed ? 'allowed' : 'refused';
      }
    }
    expect(seen).toEqual(expected);
  });

  it('says which scope a refused key lacks', async () => {
    const res = await asKey(key('read'), 'DELETE', `/api-keys/${keys.get('victim')!.id}`);
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/needs the admin scope/);
  });

  it("lets only an admin key manage members and keys, and never another workspace's", async () => {
    const other = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'owner@elsewhere.example',
        password: 'a quiet tuba in the attic',
        name: 'Other Owner',
        workspaceName: 'Elsewhere',
      }),
    });
    expect(other.status).toBe(201);
    const otherWs = ((await other.json()) as { workspaces: { workspace: { id: string } }[] }).workspaces[0].workspace
      .id;
    const foreign = await fetch(`${server.url}/api/workspaces/${otherWs}/members`, {
      headers: { authorization: `Bearer ${key('admin')}` },
    });
    expect(foreign.status).toBe(404);

    const victim = keys.get('victim')!;
    expect((await asKey(key('admin'), 'DELETE', `/api-keys/${victim.id}`)).status).toBe(204);
    expect((await asKey(victim.key, 'GET', '/conversations')).status).toBe(401);
  });

  it('invites a member with an admin key (nobody is the inviter)', async () => {
    const res = await asKey(key('admin'), 'POST', '/invitations', { email: 'new.tech@riffandrhythm.example' });
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body!)).toMatchObject({ email: 'new.tech@riffandrhythm.example', role: 'agent' });
  });
});
