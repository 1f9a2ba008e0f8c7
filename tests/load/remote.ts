/**
 * Helpers for tests and benchmarks that drive server *processes* over loopback: sign-in and REST
 * calls, and visitors that each come from their own address (the server limits events per
 * address, and a real audience does not share one).
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, VisitorSession, WireMessage } from '../../protocol/socket';
import { call } from '../clients';

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  workspaceId: string;
}

export async function signIn(url: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as {
    csrfToken: string;
    user: { id: string };
    workspaces: { workspace: { id: string } }[];
  };
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrf: body.csrfToken,
    userId: body.user.id,
    workspaceId: body.workspaces[0]?.workspace.id,
  };
}

export async function api<T = unknown>(
  url: string,
  method: string,
  path: string,
  session: Session,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export interface RemoteVisitor {
  socket: Socket;
  session: VisitorSession;
  /** Sends and waits for the ack; a timeout or a lost connection is an error ack, never a throw. */
  send(clientId: string, body: string, ms?: number): Promise<Ack<WireMessage>>;
  /** Every message of the conversation the visitor may see (after `afterSeq`). */
  sync(afterSeq?: number): Promise<WireMessage[]>;
  close(): void;
}

/** A visitor connection as the widget opens it; `ip` goes in X-Forwarded-For. */
export async function openVisitor(
  url: string,
  workspaceId: string,
  opts: { token?: string; ip: string; ms?: number },
): Promise<RemoteVisitor> {
  const socket = io(`${url}/visitor`, {
    auth: { workspaceId, ...(opts.token ? { token: opts.token } : {}) },
    transports: ['websocket'],
    extraHeaders: { 'x-forwarded-for': opts.ip },
    reconnection: false,
    forceNew: true,
    timeout: opts.ms ?? 20_000,
  });
  const session = await new Promise<VisitorSession>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no session in time')), opts.ms ?? 20_000);
    socket.once('session', (s: VisitorSession) => (clearTimeout(timer), resolve(s)));
    socket.once('connect_error', (err: Error) => (clearTimeout(timer), reject(err)));
  });
  return {
    socket,
    session,
    send: async (clientId, body, ms = 10_000) => {
      try {
        return await call<WireMessage>(socket, 'send', { clientId, body }, ms);
      } catch (err) {
        return { ok: false, error: { code: 'no_ack', message: err instanceof Error ? err.message : String(err) } };
      }
    },
    sync: async (afterSeq = 0) => {
      const res = await call<{ messages: WireMessage[] }>(socket, 'sync', { afterSeq }, 20_000);
      if (!res.ok) throw new Error(`sync failed: ${res.error.code} ${res.error.message}`);
      return res.data.messages;
    },
    close: () => socket.close(),
  };
}

/** Runs `fn` over `items`, at most `concurrency` at a time, in order of start. */
export async function inLanes<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return out;
}
