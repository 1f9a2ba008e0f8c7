/** The alert routes: a device's subscription is validated (no internal or non-https endpoint), preferences merge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { createOutbound } from '../../net/outbound';
import { signedIn } from '../../tests/app';
import { makeDeps, makeWorkspace } from '../../tests/factories';
import { PushService } from '../../tests/push-service';
import { buildApp } from '../app';
import { vapidKeys } from '../commands/push';
import { alertRoutes } from './alerts';

describe('alert routes', () => {
  let handle: DatabaseHandle;
  const push = new PushService();
  const strict = createOutbound();
  const open = createOutbound({ allowPrivate: true });
  const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
  beforeAll(async () => {
    handle = await openDatabase({ driver: 'pglite', dataDir: null });
    await push.start();
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await strict.close();
    await open.close();
    await push.stop();
    await handle?.close();
  });

  async function member(allowPrivate: boolean) {
    const deps = makeDeps(handle.db);
    const { publicKey } = await vapidKeys(deps.db, null);
    const app = await buildApp({
      deps,
      plugins: [
        async (a) => {
          await a.register(
            alertRoutes(deps, { vapidPublicKey: publicKey, outbound: allowPrivate ? open : strict, allowPrivate }),
          );
        },
      ],
    });
    apps.push(app);
    const { owner, password } = await makeWorkspace(deps);
    const s = await signedIn(app, owner.email, password);
    return { ...s, publicKey, base: `/api/workspaces/${s.workspaceId}/alerts` };
  }

  it('refuses endpoints that are not https, or that are internal, unless private URLs are allowed', async () => {
    const m = await member(false);
    const device = push.subscribe('phone');
    const loopback = await m.request('POST', `${m.base}/devices`, { endpoint: device.endpoint, keys: device.keys });
    expect(loopback.statusCode).toBe(400);
    expect(loopback.json().error.message).toMatch(/https/);
    const internal = await m.request('POST', `${m.base}/devices`, {
      endpoint: 'https://169.254.169.254/latest/meta-data',
      keys: device.keys,
    });
    expect(internal.statusCode).toBe(400);
    expect(internal.json().error.message).toMatch(/internal/);
    expect((await m.request('GET', m.base)).json().devices).toEqual([]);
  });

  it('registers a device, merges preferences, and turns the device off again', async () => {
    const m = await member(true);
    const device = push.subscribe('laptop');
    const on = await m.request('POST', `${m.base}/devices`, { endpoint: device.endpoint, keys: device.keys });
    expect(on.statusCode).toBe(201);
    expect(on.json().devices).toHaveLength(1);
    expect(on.json().vapidPublicKey).toBe(m.publicKey);
    expect(JSON.stringify(on.json())).not.toContain(device.endpoint);

    const quiet = await m.request('PATCH', m.base, {
      quietHours: { enabled: true, start: '22:00', end: '07:00', timezone: 'Europe/Berlin' },
    });
    expect(quiet.statusCode).toBe(200);
    const events = await m.request('PATCH', m.base, { events: { reply: false } });
    expect(events.json().prefs).toMatchObject({
      events: { handoff: true, assigned: true, reply: false },
      quietHours: { enabled: true, start: '22:00', end: '07:00', timezone: 'Europe/Berlin' },
    });
    expect((await m.request('PATCH', m.base, { quietHours: { timezone: 'Mars/Olympus' } })).statusCode).toBe(400);
    expect((await m.request('PATCH', m.base, { quietHours: { start: '25:00' } })).statusCode).toBe(400);

    const off = await m.request('DELETE', `${m.base}/devices`, { endpoint: device.endpoint });
    expect(off.statusCode).toBe(200);
    expect(off.json().devices).toEqual([]);
    expect((await m.request('DELETE', `${m.base}/devices`, { endpoint: device.endpoint })).statusCode).toBe(404);
  });
});
