import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { users, workspaces } from '../../db/schema';
import { makeDeps, uid } from '../../tests/factories';
import { buildApp } from '../app';
import { ConfigError, loadConfig } from '../config';
import { readSettings } from '../domain/settings';
import type { Deps } from '../commands/unit';

const PASSWORD = 'tawny kettle orbit 42';

describe('sign-up and invitation links', () => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let closed: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    deps = makeDeps(handle.db);
    app = await buildApp({ deps });
    closed = await buildApp({ deps, signup: 'closed' });
  });
  afterAll(async () => {
    await app.close();
    await closed.close();
    await handle.close();
  });

  const signup = (body: Record<string, unknown>, on = app) =>
    on.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: {
        email: `o-${uid()}@example.com`,
        password: PASSWORD,
        name: 'Ana',
        workspaceName: 'Bean There',
        ...body,
      },
    });
  const fieldErrors = (res: { json(): unknown }) =>
    Object.fromEntries(
      ((res.json() as { error: { details?: { path: string; message: string }[] } }).error.details ?? []).map((d) => [
        d.path,
        d.message,
      ]),
    );

  it('creates the account and its workspace, owned by the new account, and signs in', async () => {
    const email = `roaster-${uid()}@example.com`;
    const res = await signup({ email, workspaceName: 'Bean There Roasters' });
    expect(res.statusCode).toBe(201);
    const me = res.json() as {
      user: { email: string };
      workspaces: { workspace: { id: string; name: string }; role: string }[];
    };
    expect(me.user.email).toBe(email);
    expect(me.workspaces).toEqual([expect.objectContaining({ role: 'owner' })]);
    expect(me.workspaces[0].workspace.name).toBe('Bean There Roasters');
    // The widget's title names the shop from the start.
    const [w] = await handle.db.select().from(workspaces).where(eq(workspaces.id, me.workspaces[0].workspace.id));
    expect(readSettings(w.settings).widget.botName).toBe('Bean There Roasters assistant');
    expect(res.cookies.find((c) => c.name === 'chatref_session')).toBeTruthy();
  });

  it('says beside the field what is wrong: a taken email, an empty or over-long shop name', async () => {
    const email = `taken-${uid()}@example.com`;
    expect((await signup({ email })).statusCode).toBe(201);
    const again = await signup({ email: email.toUpperCase(), workspaceName: `Second ${uid()}` });
    expect(again.statusCode).toBe(409);
    expect(fieldErrors(again)['body.email']).toMatch(/already exists/);

    const empty = await signup({ workspaceName: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldErrors(empty)['body.workspaceName']).toMatch(/shop's name/);
    const long = await signup({ workspaceName: 'x'.repeat(101) });
    expect(fieldErrors(long)['body.workspaceName']).toMatch(/under 100 characters/);
    const short = await signup({ password: 'short' });
    expect(fieldErrors(short)['body.password']).toBeTruthy();
  });

  it('leaves nothing half-created when a later step of the sign-up fails', async () => {
    // The membership insert fails for this shop (a real database failure, after the account row).
    const shop = `Doomed ${uid()}`;
    await handle.db.execute(
      sql.raw(`CREATE OR REPLACE FUNCTION fail_doomed() RETURNS trigger AS $$
        BEGIN
          IF (SELECT name FROM workspaces WHERE id = NEW.workspace_id) LIKE 'Doomed %' THEN
            RAISE EXCEPTION 'membership refused';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql`),
    );
    await handle.db.execute(
      sql.raw('CREATE TRIGGER fail_doomed BEFORE INSERT ON memberships FOR EACH ROW EXECUTE FUNCTION fail_doomed()'),
    );
    try {
      const email = `doomed-${uid()}@example.com`;
      const res = await signup({ email, workspaceName: shop });
      expect(res.statusCode).toBe(500);
      expect(await handle.db.select().from(users).where(eq(users.email, email))).toEqual([]);
      expect(await handle.db.select().from(workspaces).where(eq(workspaces.name, shop))).toEqual([]);
      // The same email can then sign up for real.
      expect((await signup({ email })).statusCode).toBe(201);
    } finally {
      await handle.db.execute(sql.raw('DROP TRIGGER fail_doomed ON memberships'));
    }
  });

  it('closed: refuses sign-up with 403 and a message, and says so to the sign-in page', async () => {
    const email = `closed-${uid()}@example.com`;
    const res = await signup({ email }, closed);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/invitation/);
    expect(await handle.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect((await closed.inject('/api/auth/options')).json()).toEqual({ signup: 'closed' });
    expect((await app.inject('/api/auth/options')).json()).toEqual({ signup: 'open' });
  });

  it('reads CHATREF_SIGNUP as open (the default) or closed, and refuses anything else', () => {
    expect(loadConfig({}).signup).toBe('open');
    expect(loadConfig({ CHATREF_SIGNUP: 'closed' }).signup).toBe('closed');
    expect(() => loadConfig({ CHATREF_SIGNUP: 'invite-only' })).toThrow(ConfigError);
    expect(() => loadConfig({ CHATREF_SIGNUP: 'invite-only' })).toThrow(/CHATREF_SIGNUP must be open or closed/);
  });

  it('builds the invitation link from the port the server really listens on', async () => {
    const listening = await buildApp({ deps });
    try {
      await listening.listen({ port: 0, host: '127.0.0.1' });
      const port = (listening.server.address() as import('node:net').AddressInfo).port;
      const res = await signup({}, listening);
      const cookie = res.cookies.find((c) => c.name === 'chatref_session')!;
      const me = res.json() as { csrfToken: string; workspaces: { workspace: { id: string } }[] };
      const inv = await fetch(`http://127.0.0.1:${port}/api/workspaces/${me.workspaces[0].workspace.id}/invitations`, {
        method: 'POST',
        headers: {
          cookie: `chatref_session=${cookie.value}`,
          'x-csrf-token': me.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ email: `colleague-${uid()}@example.com` }),
      });
      expect(inv.status).toBe(201);
      const { url, emailed } = (await inv.json()) as { url: string; emailed: boolean };
      expect(url).toMatch(new RegExp(`^http://localhost:${port}/app/accept\\?token=`));
      expect(emailed).toBe(false);
      // The link opens the dashboard's accept page on that server.
      expect(port).not.toBe(3000);
    } finally {
      await listening.close();
    }
  });

  it('uses CHATREF_PUBLIC_URL for the link when it is set', async () => {
    const withUrl = await buildApp({ deps, publicUrl: 'https://chat.beanthere.example', emailsInvitations: true });
    try {
      const res = await signup({}, withUrl);
      const cookie = res.cookies.find((c) => c.name === 'chatref_session')!;
      const me = res.json() as { csrfToken: string; workspaces: { workspace: { id: string } }[] };
      const inv = await withUrl.inject({
        method: 'POST',
        url: `/api/workspaces/${me.workspaces[0].workspace.id}/invitations`,
        cookies: { chatref_session: cookie.value },
        headers: { 'x-csrf-token': me.csrfToken },
        payload: { email: `colleague-${uid()}@example.com` },
      });
      expect(inv.json().url).toMatch(/^https:\/\/chat\.beanthere\.example\/app\/accept\?token=/);
      expect(inv.json().emailed).toBe(true);
    } finally {
      await withUrl.close();
    }
  });

  it('tells the invitation page which shop and email the link is for, until it is used', async () => {
    const res = await signup({ name: 'Ana Ruiz', workspaceName: 'Bean There Roasters' });
    const cookie = res.cookies.find((c) => c.name === 'chatref_session')!;
    const me = res.json() as { csrfToken: string; workspaces: { workspace: { id: string } }[] };
    const colleague = `sam-${uid()}@example.com`;
    const inv = await app.inject({
      method: 'POST',
      url: `/api/workspaces/${me.workspaces[0].workspace.id}/invitations`,
      cookies: { chatref_session: cookie.value },
      headers: { 'x-csrf-token': me.csrfToken },
      payload: { email: colleague },
    });
    const token = new URL(inv.json().url as string).searchParams.get('token')!;
    // The pending list says who was invited and when (the link itself was shown once).
    const list = await app.inject({
      method: 'GET',
      url: `/api/workspaces/${me.workspaces[0].workspace.id}/invitations`,
      cookies: { chatref_session: cookie.value },
    });
    const pending = (list.json() as { email: string; createdAt: string; expiresAt: string }[]).find(
      (i) => i.email === colleague,
    );
    expect(pending?.createdAt).toBe(inv.json().createdAt);
    expect(Date.parse(pending!.createdAt)).toBeLessThan(Date.parse(pending!.expiresAt));
    const preview = await app.inject({ method: 'POST', url: '/api/invitations/preview', payload: { token } });
    expect(preview.json()).toMatchObject({
      workspace: 'Bean There Roasters',
      email: colleague,
      role: 'agent',
      invitedBy: 'Ana Ruiz',
      hasAccount: false,
    });
    const accept = await app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Sam', password: PASSWORD },
    });
    expect(accept.statusCode).toBe(200);
    const used = await app.inject({ method: 'POST', url: '/api/invitations/preview', payload: { token } });
    expect(used.statusCode).toBe(404);
    expect(used.json().error.message).toMatch(/ask for a new one/);
    // Sam is in the team now: another invitation would only make a link that adds nothing.
    const again = await app.inject({
      method: 'POST',
      url: `/api/workspaces/${me.workspaces[0].workspace.id}/invitations`,
      cookies: { chatref_session: cookie.value },
      headers: { 'x-csrf-token': me.csrfToken },
      payload: { email: colleague.toUpperCase() },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(`${colleague} is already a member of this workspace`);
  });
});
