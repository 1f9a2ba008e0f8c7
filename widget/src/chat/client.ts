/**
 * The widget's side of the realtime protocol (protocol/socket.ts), without any rendering: one
 * Socket.IO connection to the `/visitor` namespace and the state the panel draws. Delivery does not
 * rely on Socket.IO's recovery: unacknowledged sends are re-sent with the same clientId after every
 * (re)connect (the server de-duplicates) and a `sync` fetches whatever was missed.
 */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type AckError,
  type VisitorClientEvents,
  type VisitorNotice,
  type VisitorServerEvents,
  type VisitorSession,
  type VisitorState,
  type VisitorToServer,
  type WireMessage,
} from '../../../protocol/socket';
import { tokenKey } from '../types';
import { refusalOf } from './refusal';
import { lastSeq, markSent, merge, pendingMessage, withoutLocal, type ThreadMessage } from './thread';

export interface ChatState {
  messages: ThreadMessage[];
  state: VisitorState | null;
  connected: boolean;
  /** Who is typing on the other side, or null. */
  typing: string | null;
  error: string | null;
  /** The email the visitor left, once the server took it. */
  emailSaved: string | null;
  /** The visitor pressed "Talk to a person" and the server has not moved the state yet. */
  handoffAsked: boolean;
  /** Connected at least once (so a lost connection is worth mentioning). */
  everConnected: boolean;
  /** The server's word while a reply is late ("the assistant is busy…"), until the reply arrives. */
  notice: string | null;
}

type Listener = (s: ChatState) => void;

const ACK_MS = 8000;
const TYPING_IDLE_MS = 3000;
/** How long to show the assistant as typing while its answer is on the way. */
const THINKING_MS = 20000;
/**
 * A send refused by the rate limit goes once more, a little after the pause the server names
 * (RETRY_MS when it names none), and never later than MAX_RETRY_MS.
 */
const RETRY_MS = 2000;
const RETRY_MARGIN_MS = 250;
const MAX_RETRY_MS = 15000;

const storage = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {}
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {}
  },
};

/**
 * The text of an acknowledgement that failed: a refusal's message as a sentence for the visitor
 * ("too many messages…" → "Too many messages…"), or a timeout's.
 */
const errorText = (e: AckError | undefined): string =>
  e?.message ? e.message.charAt(0).toUpperCase() + e.message.slice(1) : 'Something went wrong. Please try again.';

/** `sync` and `send` acks: accept the message(s) bare or wrapped, whichever the server sends. */
function messagesOf(data: unknown): WireMessage[] {
  if (Array.isArray(data)) return data as WireMessage[];
  if (data && typeof data === 'object') {
    const d = data as { messages?: unknown; message?: unknown; seq?: unknown };
    if (Array.isArray(d.messages)) return d.messages as WireMessage[];
    if (d.message && typeof d.message === 'object') return [d.message as WireMessage];
    if (typeof d.seq === 'number') return [data as WireMessage];
  }
  return [];
}

export class ChatClient {
  private s: ChatState = {
    messages: [],
    state: null,
    connected: false,
    typing: null,
    error: null,
    emailSaved: null,
    handoffAsked: false,
    everConnected: false,
    notice: null,
  };
  private listeners = new Set<Listener>();
  private socket: Socket<VisitorServerEvents, VisitorClientEvents>;
  /** clientId → body of every send not yet acknowledged. */
  private unacked = new Map<string, string>();
  /** Sends refused by the rate limit once: their one retry, while it waits. */
  private retries = new Map<string, ReturnType<typeof setTimeout> | null>();
  private typingSentAt = 0;
  private typingStop?: ReturnType<typeof setTimeout>;
  private thinking?: ReturnType<typeof setTimeout>;

  constructor(
    base: string,
    private workspaceId: string,
    private botName: string,
  ) {
    // A function, so every reconnect presents the token of the latest session.
    const auth = (cb: (a: object) => void) =>
      cb({ workspaceId, token: storage.get(tokenKey(workspaceId)) ?? undefined, protocol: PROTOCOL_VERSION });
    this.socket = io(`${base}/visitor`, { auth, transports: ['websocket', 'polling'] });
    this.socket.on('connect', () => this.set({ connected: true, everConnected: true }));
    this.socket.on('connect_error', (e: Error) => this.onConnectError(e));
    this.socket.on('disconnect', () => this.set({ connected: false }));
    this.socket.on('session', (session: VisitorSession) => this.onSession(session));
    this.socket.on('message', (m: WireMessage) => this.receive([m]));
    this.socket.on('state', (state: VisitorState) => this.onState(state));
    this.socket.on('notice', (n: VisitorNotice) => this.onNotice(n));
    this.socket.on('typing', (t: { name?: string | null; typing: boolean }) =>
      this.set({ typing: t.typing ? t.name || 'Someone' : null }),
    );
    this.socket.on('error', (e: AckError | string) => this.set({ error: typeof e === 'string' ? e : errorText(e) }));
  }

  get snapshot(): ChatState {
    return this.s;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Shows the message at once and sends it; it stays pending until the server stores it. */
  send(body: string): void {
    const text = body.trim();
    if (!text) return;
    const clientId = crypto.randomUUID();
    this.unacked.set(clientId, text);
    this.set({ messages: [...this.s.messages, pendingMessage(clientId, text)], error: null });
    this.typing(false);
    this.deliver(clientId, text);
  }

  /** The visitor wants a person (the protocol's `handoff`; see the report on its absence). */
  askForPerson(): void {
    this.set({ handoffAsked: true, error: null });
    this.socket.timeout(ACK_MS / 3).emit('handoff', {}, (err: Error | null, ack?: Ack<unknown>) => {
      // A server that does not know the event never answers: ask in words, which it recognises.
      if (err) this.send('I’d like to talk to a person, please.');
      else if (ack && !ack.ok) this.set({ handoffAsked: false, error: errorText(ack.error) });
    });
  }

  saveEmail(email: string): Promise<string | null> {
    return new Promise((resolve) => {
      this.socket.timeout(ACK_MS).emit('contact', { email }, (err: Error | null, ack?: Ack<unknown>) => {
        if (!err && ack?.ok) {
          this.set({ emailSaved: email, error: null });
          resolve(null);
        } else
          resolve(
            err
              ? 'Could not save your email — check your connection and try again.'
              : errorText(ack && !ack.ok ? ack.error : undefined),
          );
      });
    });
  }

  /** Tells the other side the visitor is typing: at most every few seconds, and when they stop. */
  typing(on: boolean): void {
    clearTimeout(this.typingStop);
    const now = Date.now();
    if (on) {
      if (now - this.typingSentAt > TYPING_IDLE_MS - 500) {
        this.typingSentAt = now;
        this.socket.volatile.emit('typing', { typing: true }, () => undefined);
      }
      this.typingStop = setTimeout(() => this.typing(false), TYPING_IDLE_MS);
    } else if (this.typingSentAt) {
      this.typingSentAt = 0;
      this.socket.volatile.emit('typing', { typing: false }, () => undefined);
    }
  }

  /**
   * One request and its acknowledgement (the follow-up after a resolve: see FollowUp.tsx); a
   * refusal or a timeout comes back as the text to show.
   */
  request<E extends 'end' | 'followup' | 'rate' | 'rate-comment' | 'transcript'>(
    event: E,
    payload: VisitorToServer[E]['payload'],
  ): Promise<{ ok: true; data: VisitorToServer[E]['ack'] } | { ok: false; error: string }> {
    type T = VisitorToServer[E]['ack'];
    // Typed at the signature: Socket.IO's emit cannot be called with a generic event name.
    const socket = this.socket as unknown as Socket;
    return new Promise((resolve) => {
      socket.timeout(ACK_MS).emit(event, payload, (err: Error | null, ack?: Ack<T>) => {
        if (!err && ack?.ok) resolve({ ok: true, data: ack.data });
        else
          resolve({
            ok: false,
            error: err
              ? 'Could not reach us — check your connection and try again.'
              : errorText(ack && !ack.ok ? ack.error : undefined),
          });
      });
    });
  }

  dismissError(): void {
    this.set({ error: null });
  }

  close(): void {
    for (const retry of this.retries.values()) clearTimeout(retry ?? undefined);
    this.socket.close();
  }

  private deliver(clientId: string, body: string): void {
    if (!this.socket.connected) return; // re-sent on the next session
    this.socket.timeout(ACK_MS).emit('send', { clientId, body }, (err: Error | null, ack?: Ack<unknown>) => {
      // No answer: it stays pending and goes again with the same clientId (the server keeps one),
      // now if still connected, else after reconnecting.
      if (err) return void (this.socket.connected && this.unacked.has(clientId) && this.deliver(clientId, body));
      if (!ack || !this.unacked.has(clientId)) return;
      // Too many at once: it stays in the thread as "Sending…" and goes once more when the server
      // takes messages again, so the visitor need not send it again.
      if (!ack.ok && ack.error.code === 'rate_limited' && !this.retries.has(clientId)) {
        const pause = Math.min(ack.error.retryAfterMs ?? RETRY_MS, MAX_RETRY_MS) + RETRY_MARGIN_MS;
        const retry = setTimeout(() => {
          this.retries.set(clientId, null);
          if (this.unacked.has(clientId)) this.deliver(clientId, body);
        }, pause);
        this.retries.set(clientId, retry);
        return;
      }
      this.unacked.delete(clientId);
      this.retries.delete(clientId);
      if (!ack.ok) {
        this.set({ messages: withoutLocal(this.s.messages, clientId), error: errorText(ack.error) });
        this.onRefused?.(body);
        return;
      }
      const stored = messagesOf(ack.data);
      if (stored.length) this.receive(stored);
      else this.set({ messages: markSent(this.s.messages, clientId) });
      // The answer may have come before the ack (the server can store both at once).
      const seq = stored.at(-1)?.seq;
      const answered =
        seq !== undefined &&
        this.s.messages.some((m) => m.seq > seq && m.author.type !== 'visitor' && m.kind !== 'event');
      if ((this.s.state?.status ?? 'bot') === 'bot' && !answered) this.showThinking();
    });
  }

  /** Set by the panel: gives a refused message back to the text box. */
  onRefused?: (body: string) => void;

  private onSession(session: VisitorSession): void {
    if (session.token) storage.set(tokenKey(this.workspaceId), session.token);
    this.onState(session.state);
    const afterSeq = lastSeq(this.s.messages);
    this.socket.timeout(ACK_MS).emit('sync', { afterSeq }, (err: Error | null, ack?: Ack<unknown>) => {
      if (!err && ack?.ok) this.receive(messagesOf(ack.data));
    });
    // A send waiting out the rate limit goes when its pause is over, not now.
    for (const [clientId, body] of this.unacked) if (!this.retries.get(clientId)) this.deliver(clientId, body);
  }

  /**
   * A refused handshake is not retried by Socket.IO. A stale token (e.g. the server's secret
   * changed) should not lock the visitor out: forget it once and start a new conversation.
   */
  private onConnectError(e: Error): void {
    if (this.socket.active) return; // a network error: Socket.IO keeps retrying by itself
    const refusal = refusalOf(e);
    // An old chat.js on a page open across an update: the token is still good, a reload is needed.
    if (refusal.kind === 'outdated') return this.set({ error: refusal.text });
    if (storage.get(tokenKey(this.workspaceId)) && !this.retriedWithoutToken) {
      this.retriedWithoutToken = true;
      storage.remove(tokenKey(this.workspaceId));
      this.socket.connect();
      return;
    }
    this.set({ error: refusal.text });
  }

  private retriedWithoutToken = false;

  private onState(state: VisitorState): void {
    const handoffAsked = this.s.handoffAsked && state.status === 'bot';
    // The assistant is not answering any more: drop its "typing" (see showThinking).
    const typing = state.status !== 'bot' && this.s.typing === this.botName ? null : this.s.typing;
    if (typing !== this.s.typing) clearTimeout(this.thinking);
    // A chat handed to the team gets no late reply from the assistant: its notice is over too.
    const notice = state.status === 'bot' ? this.s.notice : null;
    this.set({ state, handoffAsked, typing, notice, emailSaved: state.contactEmail ?? this.s.emailSaved });
  }

  /** The reply is late: the notice takes the place of the assistant's "typing" (it says more). */
  private onNotice(n: VisitorNotice): void {
    const thinking = this.s.typing === this.botName;
    if (thinking) clearTimeout(this.thinking);
    this.set({ notice: n.text, typing: thinking ? null : this.s.typing });
  }

  private receive(incoming: WireMessage[]): void {
    if (!incoming.length) return;
    const fromOthers = incoming.some((m) => m.author.type !== 'visitor' && m.kind !== 'event');
    const typing = fromOthers && this.s.typing === this.botName ? null : this.s.typing;
    if (fromOthers) clearTimeout(this.thinking);
    this.set({ messages: merge(this.s.messages, incoming), typing, notice: fromOthers ? null : this.s.notice });
  }

  /** The assistant answers in a moment: say so, until its answer (or a real typing event) arrives. */
  private showThinking(): void {
    clearTimeout(this.thinking);
    this.set({ typing: this.botName });
    this.thinking = setTimeout(() => {
      if (this.s.typing === this.botName) this.set({ typing: null });
    }, THINKING_MS);
  }

  private set(patch: Partial<ChatState>): void {
    this.s = { ...this.s, ...patch };
    for (const fn of this.listeners) fn(this.s);
  }
}
