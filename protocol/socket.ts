/**
 * The realtime protocol between the server and its two kinds of clients (the widget and the
 * dashboard), over Socket.IO: names, payload types and the typed event maps. Plain types only —
 * the front ends import this file; the server validates arrivals with `protocol/schemas.ts`.
 * Every send is acknowledged only after it is stored.
 */
import type { Citation } from '../engine/answer/types';
import type { EventName, HandoffReason } from './events';
import type { ConversationStatus } from './status';

/** Owned by the answer engine; re-exported (types only) for the front ends. */
export type { Citation };

export const VISITOR_NAMESPACE = '/visitor';
export const AGENT_NAMESPACE = '/agent';
/**
 * Largest message body accepted from a visitor, in characters. Generous on purpose: a visitor who
 * pastes a long order confirmation or an error log gets a reply (a person is offered), not a refusal.
 */
export const MAX_BODY = 10_000;

/**
 * The socket protocol's version, sent by both clients in the handshake's `auth.protocol`. Raise it
 * with a change old clients cannot follow, and raise MIN_PROTOCOL_VERSION with it: the server
 * then refuses older clients with `protocol_outdated` and they ask for a reload. A client that
 * sends no version (built before versioning) speaks version 1.
 */
export const PROTOCOL_VERSION = 1;
export const MIN_PROTOCOL_VERSION = 1;
/** The code of that refusal (`connect_error`'s `data.code`). */
export const PROTOCOL_OUTDATED = 'protocol_outdated';

/** Handshake `auth` of the widget: which workspace, and the visitor token kept in local storage. */
export interface VisitorAuthPayload {
  workspaceId: string;
  token?: string;
  protocol?: number;
}
/** Handshake `auth` of the dashboard: the session's CSRF token (the session itself is the cookie). */
export interface AgentAuthPayload {
  csrfToken: string;
  protocol?: number;
}
export interface VisitorSendPayload {
  clientId: string;
  body: string;
}
export interface SyncPayload {
  afterSeq: number;
}
export interface TypingPayload {
  typing: boolean;
}
export interface ContactPayload {
  email?: string;
  name?: string;
}
/** The visitor's answers after a resolve; each names the conversation (it must be theirs). */
export interface FollowUpPayload {
  conversationId: string;
}
export interface RatePayload extends FollowUpPayload {
  rating: 'good' | 'okay' | 'bad';
}
export interface RateCommentPayload extends FollowUpPayload {
  comment: string;
}
export interface TranscriptPayload extends FollowUpPayload {
  /** Omitted: the email the visitor already gave. */
  email?: string;
}
/** What the widget may offer once a conversation is resolved. */
export interface FollowUpState {
  /** ask: show "How did we do?"; rated: already answered (comment: whether one was added). */
  rating: 'ask' | 'rated' | 'off';
  commented: boolean;
  transcript: boolean;
  /** The address the transcript would go to unless another is typed. */
  email: string | null;
}
export const MAX_COMMENT = 1000;
export interface AgentJoinPayload {
  workspaceId: string;
}
export interface AgentSendPayload {
  conversationId: string;
  clientId: string;
  body: string;
  /** A note is never shown to the visitor. */
  note?: boolean;
}
export interface AgentTypingPayload {
  conversationId: string;
  typing: boolean;
}
/** Sent every ~30 s while a conversation is open in a visible tab (counts toward human minutes). */
export interface AgentActivityPayload {
  conversationId: string;
}

export interface WireMessage {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  author: { type: 'visitor' | 'bot' | 'agent' | 'system'; name: string | null };
  kind: 'text' | 'note' | 'event';
  body: string;
  createdAt: string;
  meta: {
    citations?: Citation[];
    /** How sure the bot was of an answer from the content (absent on small talk). */
    confidence?: number;
    /** The bot's reply to small talk ("You're welcome!"), not an answer from the content. */
    smallTalk?: boolean;
    /** The bot offers a person (suggest mode). */
    suggestHandoff?: boolean;
    event?: EventName;
    reason?: HandoffReason;
    [k: string]: unknown;
  };
}

/** What the widget needs to show about the conversation's state. */
export interface VisitorState {
  conversationId: string | null;
  status: ConversationStatus;
  /** 1 = next in line; null when not waiting. */
  queuePosition: number | null;
  agentName: string | null;
  agentsOnline: boolean;
  withinHours: boolean;
  /** Nobody can answer now: ask for an email so the reply can go there. */
  askEmail: boolean;
  contactEmail: string | null;
  /** About how long until a person answers (seconds), from the team's recent first responses; null: no history yet. */
  estimateS?: number | null;
  /** The expected wait is long: offer to answer by email (the visitor may keep waiting). */
  offerEmail?: boolean;
}

export interface VisitorSession {
  token: string;
  visitorId: string;
  state: VisitorState;
  lastSeq: number;
}

/** A refusal. A `rate_limited` one says when the same request will be taken again. */
export interface AckError {
  code: string;
  message: string;
  /** `rate_limited`: milliseconds until the sender's budget is back. */
  retryAfterMs?: number;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

/** Server → agent: every committed event of the workspace that the dashboard shows. */
export interface AgentEvent {
  name: EventName;
  conversationId: string | null;
  data: Record<string, unknown>;
  message?: WireMessage;
}

/** Events the widget sends, with the payload and what the ack carries (`Ack<…>`). */
export interface VisitorToServer {
  send: { payload: VisitorSendPayload; ack: WireMessage };
  sync: { payload: SyncPayload; ack: { messages: WireMessage[]; state: VisitorState } };
  typing: { payload: TypingPayload; ack: null };
  handoff: { payload: Record<string, never> | undefined; ack: null };
  contact: { payload: ContactPayload; ack: VisitorState };
  /** The visitor ends a chat only the AI had (it is then resolved). */
  end: { payload: FollowUpPayload; ack: VisitorState };
  followup: { payload: FollowUpPayload; ack: FollowUpState };
  rate: { payload: RatePayload; ack: FollowUpState };
  'rate-comment': { payload: RateCommentPayload; ack: FollowUpState };
  transcript: { payload: TranscriptPayload; ack: { email: string } };
}

/** A passing word to the visitor, not kept in the thread: the assistant is busy, a reply is coming. */
export interface VisitorNotice {
  kind: 'assistant_busy';
  text: string;
}

export const ASSISTANT_BUSY_TEXT = 'The assistant is busy — your message is saved, a reply is coming.';

/** Events the server pushes to the widget. */
export interface ServerToVisitor {
  session: VisitorSession;
  notice: VisitorNotice;
  /**
   * Every message of the chat the visitor may see, except their own to the tab that sent it (its
   * ack has it).
   */
  message: WireMessage;
  state: VisitorState;
  typing: { name: string; typing: boolean };
  error: { event: string; code: string; message: string };
}

/** Events the dashboard sends. */
export interface AgentToServer {
  join: { payload: AgentJoinPayload; ack: { workspaceId: string } };
  send: { payload: AgentSendPayload; ack: WireMessage };
  typing: { payload: AgentTypingPayload; ack: null };
  presence: { payload: { workspaceId: string; status: 'online' | 'away' }; ack: { status: string } };
  activity: { payload: AgentActivityPayload; ack: null };
}

/** Events the server pushes to the dashboard. */
export interface ServerToAgent {
  event: AgentEvent;
  typing: { conversationId: string; author: string; typing: boolean };
  error: { event: string; code: string; message: string };
}

/**
 * The maps above in Socket.IO's own shape (event → listener), for `Namespace<…>` on the server and
 * `Socket<…>` in the clients: an emit or a listener with the wrong payload does not compile.
 * Every request carries an ack (the server answers each one, `Ack<…>`).
 */
type AsListeners<M extends { [E in keyof M]: { payload: unknown; ack: unknown } }> = {
  [E in keyof M]: (payload: M[E]['payload'], ack: (reply: Ack<M[E]['ack']>) => void) => void;
};
type AsPushes<M> = { [E in keyof M]: (payload: M[E]) => void };

export type VisitorClientEvents = AsListeners<VisitorToServer>;
export type VisitorServerEvents = AsPushes<ServerToVisitor>;
export type AgentClientEvents = AsListeners<AgentToServer>;
export type AgentServerEvents = AsPushes<ServerToAgent>;
