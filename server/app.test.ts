import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, uid } from '../tests/factories';
import { makeTestApp, signedIn, type TestApp } from '../tests/app';

describe('HTTP app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  const signup = (email = `o-${uid()}@example.com`) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email, password: 'long enough pw', name: 'Owner', workspaceName: 'Shop' },
    });

  it('answers /health', async () => {
    const res = await t.app.inject('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('serves a favicon (an ICO), not a 404', async () => {
    const res = await t.app.inject('/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect([...res.rawPayload.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
  });

  it('serves the OpenAPI document with the routes', async () => {
    const res = await t.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/auth/signin');
  });

  it('signs up, sets an httpOnly SameSite cookie, and knows who is signed in', async () => {
    const email = `o-${uid()}@example.com`;
    const res = await signup(email);
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'chatref_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const me = await t.app.inject({ url: '/api/auth/me', cookies: { chatref_session: cookie!.value } });
    expect(me.json().user.email).toBe(email);
    expect(JSON.stringify(me.json())).not.toMatch(/password/i);
  });

  it('refuses bad input with 400 and a message naming the field, never a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'not-an-email', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/email/);
    expect(body.error.message).toMatch(/password/);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).not.toMatch(/at .*\.js/);
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'text/plain' },
      payload: 'hi',
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.code).toBe('invalid_input');
    expect((await t.app.inject('/api/nope')).json().error.code).toBe('not_found');
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const email = `o-${uid()}@example.com`;
    await signup(email);
    const s = await signedIn(t.app, email, 'long enough pw');
    const noToken = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${s.workspaceId}/tags`,
      cookies: { chatref_session: s.cookie.value },
      payload: { name: 'Returns' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const withToken = await s.request('POST', `/api/workspaces/${s.workspaceId}/tags`, {
      name: 'Returns',
      examples: ['refund please'],
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('changes only the fields a tag change carries', async () => {
    const email = `o-${uid()}@example.com`;
    await signup(email);
    const owner = await signedIn(t.app, email, 'long enough pw');
    const ws = owner.workspaceId!;
    const created = await owner.request('POST', `/api/workspaces/${ws}/tags`, {
      name: 'Repairs',
      description: 'fixing instruments',
      examples: ['my guitar is broken', 'fix a crack'],
      color: '#112233',
    });
    expect(created.statusCode).toBe(201);
    const changed = await owner.request('PATCH', `/api/workspaces/${ws}/tags/${created.json().id}`, {
      needsHuman: true,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Repairs',
      description: 'fixing instruments',
      examples: ['my guitar is broken', 'fix a crack'],
      color: '#112233',
      needsHuman: true,
    });
    expect((await owner.request('PATCH', `/api/workspaces/${ws}/tags/${created.json().id}`, {})).json().name).toBe(
      'Repairs',
    );
    await owner.request('POST', `/api/workspaces/${ws}/tags`, { name: 'Shipping' });
    const clash = await owner.request('PATCH', `/api/workspaces/${ws}/tags/${created.json().id}`, { name: 'Shipping' });
    expect(clash.statusCode).toBe(409);
  });

  it('enforces roles: an agent reads tags but cannot create API keys or change settings', async () => {
    const email = `o-${uid()}@example.com`;
    await signup(email);
    const owner = await signedIn(t.app, email, 'long enough pw');
    const agent = await makeMember(t.deps, owner.workspaceId!, 'agent');
    const a = await signedIn(t.app, agent.email, 'correct horse battery');
    const ws = owner.workspaceId!;
    expect((await a.request('GET', `/api/workspaces/${ws}/tags`)).statusCode).toBe(200);
    expect((await a.request('POST', `/api/workspaces/${ws}/api-keys`, { name: 'x' })).statusCode).toBe(403);
    expect(
      (await a.request('PATCH', `/api/workspaces/${ws}/settings`, { handoff: { mode: 'automatic' } })).statusCode,
    ).toBe(403);
    const changed = await owner.request('PATCH', `/api/workspaces/${ws}/settings`, { handoff: { mode: 'automatic' } });
    expect(changed.json().settings.handoff).toMatchObject({ mode: 'automatic', frustrationThreshold: 0.5 });
    const bad = await owner.request('PATCH', `/api/workspaces/${ws}/settings`, { widget: { color: 'red' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/color/);
  });

  it('hides other workspaces: a member of one gets 404 on another', async () => {
    const [e1, e2] = [`a-${uid()}@example.com`, `b-${uid()}@example.com`];
    await signup(e1);
    await signup(e2);
    const a = await signedIn(t.app, e1, 'long enough pw');
    const b = await signedIn(t.app, e2, 'long enough pw');
    const res = await a.request('GET', `/api/workspaces/${b.workspaceId}/tags`);
    expect(res.statusCode).toBe(404);
  });

  it('authenticates API keys for their own workspace only, until revoked', async () => {
    const [e1, e2] = [`a-${uid()}@example.com`, `b-${uid()}@example.com`];
    await signup(e1);
    await signup(e2);
    const a = await signedIn(t.app, e1, 'long enough pw');
    const b = await signedIn(t.app, e2, 'long enough pw');
    const created = await a.request('POST', `/api/workspaces/${a.workspaceId}/api-keys`, { name: 'zapier' });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    const auth = { authorization: `Bearer ${key}` };
    expect((await t.app.inject({ url: `/api/workspaces/${a.workspaceId}/tags`, headers: auth })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/workspaces/${b.workspaceId}/tags`, headers: auth })).statusCode).toBe(404);
    const listed = await a.request('GET', `/api/workspaces/${a.workspaceId}/api-keys`);
    expect(JSON.stringify(listed.json())).not.toContain(key);
    await a.request('DELETE', `/api/workspaces/${a.workspaceId}/api-keys/${id}`);
    expect((await t.app.inject({ url: `/api/workspaces/${a.workspaceId}/tags`, headers: auth })).statusCode).toBe(401);
  });

  it('invites an agent who accepts and signs in', async () => {
    const email = `o-${uid()}@example.com`;
    await signup(email);
    const owner = await signedIn(t.app, email, 'long enough pw');
    const inviteeEmail = `new-${uid()}@example.com`;
    const inv = await owner.request('POST', `/api/workspaces/${owner.workspaceId}/invitations`, {
      email: inviteeEmail,
      role: 'agent',
    });
    expect(inv.statusCode).toBe(201);
    const token = new URL(inv.json().url).searchParams.get('token');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Nia', password: 'drum fills 4ever' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().workspaces[0]).toMatchObject({ role: 'agent', workspace: { id: owner.workspaceId } });
  });

  it('rate-limits repeated sign-in attempts', async () => {
    const email = `o-${uid()}@example.com`;
    await signup(email);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/signin',
        payload: { email, password: 'wrong password' },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('security headers', () => {
  it('sends a strict CSP and the usual hardening headers', async () => {
    const t = await makeTestApp();
    const res = await t.app.inject('/health');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBeLessThan(400);
    await t.close();
  });
});
