/**
 * The smaller items of issue 14 on the HTTP app: password strength, sign-in limited per address
 * across emails, one winner among concurrent accepts of an invitation, an API key's invitation,
 * and NUL characters refused as bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../commands/accounts';
import { makeTestApp, signedIn, type TestApp } from '../../tests/app';
import { uid } from '../../tests/factories';

describe('accounts hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  const signup = (payload: Record<string, unknown>, remoteAddress = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      remoteAddress,
      payload: { email: `o-${uid()}@example.com`, name: 'Owner', workspaceName: 'Shop', ...payload },
    });
  let owners = 0;
  const owner = async () => {
    const email = `o-${uid()}@example.com`;
    expect((await signup({ email, password: 'long enough pw' }, `10.1.${++owners}.1`)).statusCode).toBe(201);
    return signedIn(t.app, email, 'long enough pw');
  };

  it.each(['password', '12345678', '        ', 'password1', 'qwertyuiop'])(
    'refuses %j as a new password with a message saying why',
    async (password) => {
      const res = await signup({ password }, '10.0.1.1');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(
        /password: (use at least 8 characters|this password is too easy to guess)/,
      );
    },
  );

  it('takes a password of a few unrelated words', async () => {
    expect((await signup({ password: 'tuba attic lantern' }, '10.0.1.2')).statusCode).toBe(201);
  });

  it('refuses a weak password when accepting an invitation', async () => {
    const o = await owner();
    const inv = await o.request('POST', `/api/workspaces/${o.workspaceId}/invitations`, {
      email: `n-${uid()}@example.com`,
    });
    const token = new URL(inv.json().url).searchParams.get('token');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Nia', password: '12345678' },
    });
    expect(weak.statusCode).toBe(400);
  });

  it('lets exactly one of five concurrent accepts of one invitation succeed', async () => {
    const o = await owner();
    const inv = await o.request('POST', `/api/workspaces/${o.workspaceId}/invitations`, {
      email: `n-${uid()}@example.com`,
    });
    const token = new URL(inv.json().url).searchParams.get('token');
    const codes = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.app
          .inject({
            method: 'POST',
            url: '/api/invitations/accept',
            payload: { token, name: 'Nia', password: 'drum fills 4ever' },
          })
          .then((r) => r.statusCode),
      ),
    );
    expect(codes.sort()).toEqual([200, 404, 404, 404, 404]);
  });

  it('limits failed sign-ins per address across emails', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/signin',
        remoteAddress: '10.9.9.9',
        payload: { email: `nobody-${i}@example.com`, password: 'wrong password' },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20).every((c) => c === 429)).toBe(true);
    // Another address is not held back.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      remoteAddress: '10.9.9.10',
      payload: { email: 'nobody@example.com', password: 'wrong password' },
    });
    expect(other.statusCode).toBe(401);
  });

  it('invites with an API key (no inviter) instead of failing', async () => {
    const o = await owner();
    const userId = (await o.request('GET', '/api/auth/me')).json().user.id as string;
    const { key } = await createApiKey(t.deps, {
      workspaceId: o.workspaceId!,
      name: 'ci',
      createdBy: userId,
      scopes: ['admin'],
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${o.workspaceId}/invitations`,
      headers: { authorization: `Bearer ${key}` },
      payload: { email: `k-${uid()}@example.com` },
    });
    expect(res.statusCode).toBe(201);
  });

  it('refuses NUL characters anywhere in the input with a 400 naming the field', async () => {
    const name = await signup({ password: 'long enough pw', name: 'Ow\u0000ner' }, '10.0.2.1');
    expect(name.statusCode).toBe(400);
    expect(name.json().error.message).toMatch(/body\.name: contains a NUL character/);
    const o = await owner();
    const tag = await o.request('POST', `/api/workspaces/${o.workspaceId}/tags`, { name: 'Re\u0000turns' });
    expect(tag.statusCode).toBe(400);
    const key = await o.request('POST', `/api/workspaces/${o.workspaceId}/tags`, { ['na\u0000me']: 'x' });
    expect(key.statusCode).toBe(400);
    const query = await o.request('GET', `/api/workspaces/${o.workspaceId}/members?x=%00`);
    expect(query.statusCode).toBe(400);
  });
});
