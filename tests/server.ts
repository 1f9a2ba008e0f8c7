/** Starts the whole product in-process on a random port with a fresh embedded database. */
import { demoHook } from '../cli/demo';
import { startServer, type RunningServer, type StartOptions } from '../server/serve';
import { tempDir } from './process';

export const ADMIN = { email: 'admin@riffandrhythm.example', password: 'test-password-123' };

/** A session on a server, as its cookie, CSRF token and first workspace. */
export interface Session {
  cookie: string;
  csrf: string;
  workspaceId: string;
}

/** Signs a new owner and their workspace up over HTTP, as the sign-up page does. */
export async function signUp(
  url: string,
  owner: { email: string; password: string; name: string; workspaceName: string },
): Promise<Session> {
  const res = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string; workspaces: { workspace: { id: string } }[] };
  return { cookie: sessionCookie(res), csrf: me.csrfToken, workspaceId: me.workspaces[0].workspace.id };
}

/** The cookies a response sets, as a Cookie header sends them back. */
function sessionCookie(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The product in-process on a random port with a fresh embedded database and no demo: a new install. */
export function startBareServer(): Promise<RunningServer> {
  return startServer(
    { ...process.env, PORT: '0', HOST: '127.0.0.1', CHATREF_DATA_DIR: tempDir(), CHATREF_NO_DEMO: '1' },
    true,
  );
}

export interface LiveServer extends RunningServer {
  workspaceId: string;
  signIn(email?: string, password?: string): Promise<{ cookie: string; csrf: string; userId: string }>;
  api<T = unknown>(
    method: string,
    path: string,
    session: { cookie: string; csrf: string },
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
}

export async function startLiveServer(env: Record<string, string> = {}, opts: StartOptions = {}): Promise<LiveServer> {
  const server = await startServer(
    {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CHATREF_DATA_DIR: tempDir(),
      CHATREF_ADMIN_EMAIL: ADMIN.email,
      CHATREF_ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    true,
    { demo: demoHook, ...opts },
  );
  // The demo's pages and past chats load after the server is ready; tests start from the full demo.
  await server.contentReady;
  const signIn = async (email = ADMIN.email, password = ADMIN.password) => {
    const res = await fetch(`${server.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as {
      csrfToken: string;
      user: { id: string };
      workspaces: { workspace: { id: string } }[];
    };
    const cookie = sessionCookie(res);
    return { cookie, csrf: body.csrfToken, userId: body.user.id, workspaceId: body.workspaces[0]?.workspace.id };
  };
  const admin = await signIn();
  return {
    ...server,
    workspaceId: admin.workspaceId!,
    signIn,
    api: async (method, path, session, body) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as never };
    },
  };
}
