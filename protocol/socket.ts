/**
 * The realtime protocol between the server and its two kinds of clients (the widget and the
 * dashboard), over Socket.IO. Client → server payloads are zod schemas (validated on arrival);
 * server → client payloads are types. Every send is acknowledged only after it is stored.
 */
import { z } from 'zod';
import type { EventName, HandoffReason } from './events';

export const VISITOR_NAMESPACE = '/visitor';
export const AGENT_NAMESPACE = '/agent';
/** Largest message body accepted from a visitor or an agent, in characters. */
export const MAX_BODY = 4000;

const ClientId = z.string().trim().min(1, 'clientId is required').max(64, 'clientId is at most 64 characters');
const Body = z.string().trim().min(1, 'message is empty').max(MAX_BODY, `message is longer than ${MAX_BODY} characters`);

/** Handshake `auth` of the widget: which workspace, and the visitor token kept in local storage. */
export const VisitorAuth = z.object({ workspaceId: z.uuid('workspaceId must be a UUID'), token: z.string().max(500).optional() });

export const VisitorSend = z.object({ clientId: ClientId, body: Body });
export const Sync = z.object({ afterSeq: z.number().int().min(0) });
export const Typing = z.object({ typing: z.boolean() });
export const ContactUpdate = z.object({
  email: z.email('enter a valid email address').max(200).optional(),
  name: z.string().trim().min(1).max(100).optional(),
});

/** The visitor taps "Talk to a person" (no fields). */
export const VisitorHandoff = z.object({}).optional();

export const AgentSend = z.object({
  conversationId: z.uuid(),
  clientId: ClientId,
  body: Body,
  /** A note is never shown to the visitor. */
  note: z.boolean().default(false),
});
export const AgentTyping = z.object({ conversationId: z.uuid(), typing: z.boolean() });
export const AgentJoin = z.object({ workspaceId: z.uuid() });
/** Sent every ~30 s while a conversation is open in a visible tab (counts toward human minutes). */
export const AgentActivity = z.object({ conversationId: z.uuid() });

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
  send: { payload: z.input<typeof VisitorSend>; ack: WireMessage };
  sync: { payload: z.input<typeof Sync>; ack: { messages: WireMessage[]; state: VisitorState } };
  typing: { payload: z.input<typeof Typing>; ack: null };
  handoff: { payload: z.input<typeof VisitorHandoff>; ack: null };
  contact: { payload: z.input<typeof ContactUpdate>; ack: VisitorState };
}

/** Events the server pushes to the widget. */
export interface ServerToVisitor {
  session: VisitorSession;
  message: WireMessage;
  state: VisitorState;
  typing: { name: string; typing: boolean };
  error: { event: string; code: string; message: string };
}

/** Events the dashboard sends. */
export interface AgentToServer {
  join: { payload: z.input<typeof AgentJoin>; ack: { workspaceId: string } };
  send: { payload: z.input<typeof AgentSend>; ack: WireMessage };
  typing: { payload: z.input<typeof AgentTyping>; ack: null };
  presence: { payload: { workspaceId: string; status: 'online' | 'away' }; ack: { status: string } };
  activity: { payload: z.input<typeof AgentActivity>; ack: null };
}

/** Events the server pushes to the dashboard. */
export interface ServerToAgent {
  event: AgentEvent;
  typing: { conversationId: string; author: string; typing: boolean };
  error: { event: string; code: string; message: string };
}
