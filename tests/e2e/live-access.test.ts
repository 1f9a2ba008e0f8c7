/**
 * Live access follows membership (issue 14): a member removed, demoted or signed out loses their
 * open dashboard socket within a second, and cannot get it back; the agent socket takes only the
 * dashboard's own origin and the session's CSRF token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { call, connectAgent, type AgentClient } from '../clients';
import { startLiveServer, type LiveServer } from '../server';

const MARCUS = 'marcus@riffandrhythm.example';
const DANA = 'dana@riffandrhythm.example';

/** Resolves with the ms from `since` to the socket's disconnect, or rejects after 5 s. */
function disconnectedAfter(socket: Socket, since: () => number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return reject(new Error('was not connected'));
    const timer = setTimeout(() => reject(new Error('still connected after 5 s')), 5000);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve(performance.now() - since());
    });
  });
}

describe('live access follows membership', () => {
  let server: LiveServer;
  let admin: Awaited<ReturnType<LiveServer['signIn']>>;
  const open: AgentClient[] = [];
  beforeAll(async () => {
    server = await startLiveServer({ LOG_LEVEL: 'silent' });
    admin = await server.signIn();
  });
  afterAll(async () => {
    for (const a of open) a.close();
    await server?.close();
  });
  const connect = async (s: { cookie: string; csrf: string }) => {
    const a = await connectAgent(server.url, s, server.workspaceId);
    open.push(a);
    return a;
  };

  it("cuts a demoted member's socket within a second", async () => {
    const dana = await server.signIn(DANA);
    const socket = (await connect(dana)).socket;
    let sent = 0;
    const cut = disconnectedAfter(socket, () => sent);
    sent = performance.now();
    const res = await server.api('PATCH', `/api/workspaces/${server.workspaceId}/members/${dana.userId}`, admin, {
      role: 'admin',
    });
    expect(res.status).toBe(204);
    expect(await cut).toBeLessThan(1000);
    // Back with the new role: the socket is taken again.
    const again = await connect(dana);
    expect(again.socket.connected).toBe(true);
  });

  it("cuts a removed member's socket within a second, and it cannot come back", async () => {
    const marcus = await server.signIn(MARCUS);
    const agent = await connect(marcus);
    let sent = 0;
    const cut = disconnectedAfter(agent.socket, () => sent);
    sent = performance.now();
    const res = await server.api('DELETE', `/api/workspaces/${server.workspaceId}/members/${marcus.userId}`, admin);
    expect(res.status).toBe(204);
    expect(await cut).toBeLessThan(1000);
    // The same session opens a socket, but may no longer join the workspace.
    await expect(connect(marcus)).rejects.toThrow(/no such workspace/);
    const list = await server.api<{ id: string }[]>('GET', `/api/workspaces/${server.workspaceId}/members`, marcus);
    expect(list.status).toBe(404);
  });

  it("cuts a signed-out member's socket within a second, and refuses the ended session", async () => {
    const session = await server.signIn();
    const agent = await connect(session);
    const other = await connect(admin); // another sign-in of the same person stays
    let sent = 0;
    const cut = disconnectedAfter(agent.socket, () => sent);
    sent = performance.now();
    const res = await fetch(`${server.url}/api/auth/signout`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(204);
    expect(await cut).toBeLessThan(1000);
    await expect(connect(session)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(other.socket.connected).toBe(true);
    expect((await call(other.socket, 'presence', { workspaceId: server.workspaceId, status: 'online' })).ok).toBe(true);
  });

  it("refuses a socket from another origin, or without the session's CSRF token", async () => {
    const origin = new URL(server.url);
    const foreign = `${origin.protocol}//${origin.hostname}:${Number(origin.port) === 1 ? 2 : 1}`;
    await expect(connectAgent(server.url, admin, server.workspaceId, { origin: foreign })).rejects.toMatchObject({
      code: 'origin_not_allowed',
    });
    await expect(
      connectAgent(server.url, admin, server.workspaceId, { origin: 'https://evil.example' }),
    ).rejects.toMatchObject({ code: 'origin_not_allowed' });
    await expect(connectAgent(server.url, { ...admin, csrf: '' }, server.workspaceId)).rejects.toMatchObject({
      code: 'csrf_failed',
    });
    await expect(
      connectAgent(server.url, { ...admin, csrf: `${admin.csrf}x` }, server.workspaceId),
    ).rejects.toMatchObject({ code: 'csrf_failed' });
    // The dashboard's own origin (the server's host) is taken.
    const own = await connectAgent(server.url, admin, server.workspaceId, { origin: origin.origin });
    open.push(own);
    expect(own.socket.connected).toBe(true);
  });
});
