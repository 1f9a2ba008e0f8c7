/** Builds the app on an in-memory database for route tests (no port; `app.inject`). */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { buildApp } from '../server/app';
import type { Deps } from '../server/commands/unit';
import { makeDeps } from './factories';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

export async function makeTestApp(): Promise<TestApp> {
  const handle = await openDatabase({ driver: 'pglite', dataDir: null });
  const deps = makeDeps(handle.db);
  const app = await buildApp({ deps });
  return { app, deps, handle, close: async () => (await app.close(), await handle.close()) };
}

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes. */
export async function signedIn(app: FastifyInstance, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/signin', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'chatref_session');
  const { csrfToken, workspaces } = res.json() as { csrfToken: string; workspaces: { workspace: { id: string } }[] };
  const headers = { cookie: `chatref_session=${cookie?.value}`, 'x-csrf-token': csrfToken };
  return {
    workspaceId: workspaces[0]?.workspace.id,
    cookie: cookie!,
    request: (
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: unknown,
    ): Promise<LightMyRequestResponse> => app.inject({ method, url, payload: payload as never, headers }),
  };
}
