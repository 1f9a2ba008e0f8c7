/**
 * The realtime protocol between the server and its two kinds of clients (the widget and the
 * dashboard), over Socket.IO: names, payload types and the typed event maps. Plain types only —
 * the front ends import this file; the server validates arrivals with `protocol/schemas.ts`.
 * Every send is acknowledged only after it is stored.
 */
import type { EventName, HandoffReason } from './events';

export const VISITOR_NAMESPACE = '/visitor';
export const AGENT_NAMESPACE = '/agent';
/** Largest message body accepted from a visitor or an agent, in characters. */
export const MAX_BODY = 4000;

/** Handshake `auth` of the widget: which workspace, and the visitor token kept in local storage. */
export interface VisitorAuthPayload {
  workspaceId: string;
  token?: string;
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

export interface Citation {
  chunkId: string;
  title: string;
  url: string | null;
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
    confidence?: number;
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
  status: 'bot' | 'waiting' | 'human' | 'resolved';
  /** 1 = next in line; null when not waiting. */
  queuePosition: number | null;
  agentName: string | null;
  agentsOnline: boolean;
  withinHours: boolean;
  /** Nobody can answer now: ask for an email so the reply can go there. */
  askEmail: boolean;
  contactEmail: string | null;
}

export interface VisitorSession {
  token: string;
  visitorId: string;
  state: VisitorState;
  lastSeq: number;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

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
