/**
 * The newcomer's path: `npm start` (the built server, dist/server/chatref.mjs; `npm test` builds it
 * first) on an empty data dir creates the demo shop, prints the admin's sign-in, answers /health
 * and serves the API docs; a second start reuses the data.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDir, type ServerProcess } from '../process';

describe('chatref serve', () => {
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of running) await s.stop();
  });

  it('starts on a fresh data dir with the demo seeded and the printed admin able to sign in', async () => {
    const dataDir = tempDir();
    const started = Date.now();
    const server = await startServerProcess({ CHATREF_DATA_DIR: dataDir }, 60_000, 'built');
    running.push(server);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect(Date.now() - started).toBeLessThan(30_000);

    const m = /Sign in as:\s+(\S+)\s+\/\s+(\S+)/.exec(server.output());
    expect(m).not.toBeNull();
    const res = await fetch(`${server.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: m![1], password: m![2] }),
    });
    expect(res.status).toBe(200);
    const me = (await res.json()) as { workspaces: { workspace: { id: string; name: string } }[] };
    expect(me.workspaces.map((w) => w.workspace.name)).toContain('Riff & Rhythm');

    // The shop's pages are read after the server is ready: every one of them arrives, ready.
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const sourcesUrl = `${server.url}/api/workspaces/${me.workspaces[0].workspace.id}/knowledge/sources`;
    let sources: { status: string }[] = [];
    for (let i = 0; i < 300 && !(sources.length >= 10 && sources.every((x) => x.status === 'ready')); i++) {
      await new Promise((r) => setTimeout(r, 100));
      sources = (await (await fetch(sourcesUrl, { headers: { cookie } })).json()) as { status: string }[];
    }
    expect(sources.length).toBeGreaterThanOrEqual(10);
    expect(sources.every((x) => x.status === 'ready')).toBe(true);

    const docs = await fetch(`${server.url}/api/docs/json`);
    expect(docs.status).toBe(200);
    expect((await docs.json()).openapi).toMatch(/^3\./);

    // Stop gracefully and start again on the same data: no second seed, same admin.
    expect(await server.stop('SIGTERM')).toBe(0);
    const again = await startServerProcess({ CHATREF_DATA_DIR: dataDir }, 60_000, 'built');
    running.push(again);
    expect(again.output()).not.toMatch(/Sign in as:/);
    const res2 = await fetch(`${again.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: m![1], password: m![2] }),
    });
    expect(res2.status).toBe(200);
  });

  it('uses CHATREF_ADMIN_EMAIL and CHATREF_ADMIN_PASSWORD for the demo admin and agents', async () => {
    const server = await startServerProcess({
      CHATREF_ADMIN_EMAIL: 'owner@shop.example',
      CHATREF_ADMIN_PASSWORD: 'guitar-solo-42',
    });
    running.push(server);
    for (const email of ['owner@shop.example', 'marcus@riffandrhythm.example']) {
      const res = await fetch(`${server.url}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'guitar-solo-42' }),
      });
      expect(res.status).toBe(200);
    }
  });

  it('refuses invalid configuration with a clear message and exit code 2', async () => {
    const failure = await startServerProcess({ DATABASE_URL: 'mysql://nope', PORT: 'abc' }, 20_000).catch(
      (e: Error) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toMatch(/exited with 2/);
    expect(message).toMatch(/DATABASE_URL must start with postgres/);
    expect(message).toMatch(/PORT must be a port number/);
    expect(message).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
