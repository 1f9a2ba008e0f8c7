/** Real Socket.IO clients for tests: a visitor (the widget's protocol) and an agent (the dashboard's). */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type AgentEvent,
  type VisitorSession,
  type VisitorState,
  type WireMessage,
} from '../protocol/socket';

/** Resolves with the first value for which `pick` returns something, or rejects after `ms`. */
export function waitFor<P, T>(
  socket: Socket,
  event: string,
  pick: (payload: P) => T | undefined | false,
  ms = 15_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`timed out waiting for ${event}`));
    }, ms);
    const handler = (payload: P) => {
      const v = pick(payload);
      if (v !== undefined && v !== false) {
        clearTimeout(timer);
        socket.off(event, handler);
        resolve(v);
      }
    };
    socket.on(event, handler);
  });
}

export async function call<T>(socket: Socket, event: string, payload?: unknown, ms = 15_000): Promise<Ack<T>> {
  return (await socket.timeout(ms).emitWithAck(event, payload)) as Ack<T>;
}

export interface VisitorClient {
  socket: Socket;
  session: VisitorSession;
  messages: WireMessage[];
  states: VisitorState[];
  send(body: string, clientId?: string): Promise<Ack<WireMessage>>;
  /** The first message pushed by the server (already or later) that matches. */
  next(match: (m: WireMessage) => boolean, ms?: number): Promise<WireMessage>;
  /** The latest state received that matches, or the next one to arrive. */
  nextState(match: (s: VisitorState) => boolean, ms?: number): Promise<VisitorState>;
  close(): void;
}

export async function connectVisitor(
  url: string,
  workspaceId: string,
  opts: { token?: string; origin?: string; forwardedFor?: string } = {},
): Promise<VisitorClient> {
  const socket = io(`${url}/visitor`, {
    auth: { workspaceId, protocol: PROTOCOL_VERSION, ...(opts.token ? { token: opts.token } : {}) },
    transports: ['websocket'],
    extraHeaders: {
      ...(opts.origin ? { origin: opts.origin } : {}),
      // Behind a trusted proxy (CHATREF_TRUST_PROXY), the visitor's own address.
      ...(opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {}),
    },
    reconnection: false,
    forceNew: true,
  });
  const messages: WireMessage[] = [];
  const states: VisitorState[] = [];
  socket.on('message', (m: WireMessage) => messages.push(m));
  socket.on('state', (s: VisitorState) => states.push(s));
  const session = await new Promise<VisitorSession>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', (err: Error & { data?: { code: string } }) =>
      reject(Object.assign(new Error(err.message), { code: err.data?.code })),
    );
  });
  let n = 0;
  return {
    socket,
    session,
    messages,
    states,
    send: (body, clientId = `c${++n}-${Math.random().toString(36).slice(2)}`) =>
      call<WireMessage>(socket, 'send', { clientId, body }),
    next: (match, ms) => {
      const seen = messages.find(match);
      return seen ? Promise.resolve(seen) : waitFor(socket, 'message', (m: WireMessage) => match(m) && m, ms);
    },
    nextState: (match, ms) => {
      // The state may have arrived before the caller started waiting (the ack and the push race).
      const seen = [...states].reverse().find(match);
      return seen ? Promise.resolve(seen) : waitFor(socket, 'state', (s: VisitorState) => match(s) && s, ms);
    },
    close: () => socket.close(),
  };
}

export interface AgentClient {
  socket: Socket;
  events: AgentEvent[];
  next(match: (e: AgentEvent) => boolean, ms?: number): Promise<AgentEvent>;
  close(): void;
}

/** A dashboard's socket: the session's cookie and CSRF token; `origin` as a browser page would send it. */
export async function connectAgent(
  url: string,
  session: { cookie: string; csrf: string },
  workspaceId: string,
  opts: { origin?: string } = {},
): Promise<AgentClient> {
  const socket = io(`${url}/agent`, {
    transports: ['websocket'],
    extraHeaders: { cookie: session.cookie, ...(opts.origin ? { origin: opts.origin } : {}) },
    auth: { csrfToken: session.csrf, protocol: PROTOCOL_VERSION },
    reconnection: false,
    forceNew: true,
  });
  const events: AgentEvent[] = [];
  socket.on('event', (e: AgentEvent) => events.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err: Error & { data?: { code: string } }) => {
      socket.close();
      reject(Object.assign(new Error(err.message), { code: err.data?.code }));
    });
  });
  const joined = await call(socket, 'join', { workspaceId });
  if (!joined.ok) throw new Error(joined.error.message);
  return {
    socket,
    events,
    next: (match, ms) => {
      const seen = events.find(match);
      return seen ? Promise.resolve(seen) : waitFor(socket, 'event', (e: AgentEvent) => match(e) && e, ms);
    },
    close: () => socket.close(),
  };
}
