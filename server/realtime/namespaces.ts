/**
 * The two namespaces with their protocol types. Socket.IO types one event map per server, and
 * each namespace here has its own, so the handles are cast once, here.
 */
import type { Namespace } from 'socket.io';
import {
  AGENT_NAMESPACE,
  VISITOR_NAMESPACE,
  type AgentClientEvents,
  type AgentServerEvents,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '../../protocol/socket';

// Each namespace's handshake middleware sets and reads its own `socket.data` (VisitorData, AgentData).
export type VisitorNamespace = Namespace<VisitorClientEvents, VisitorServerEvents, Record<string, never>, unknown>;
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, Record<string, never>, unknown>;

/** Anything with Socket.IO's `of` (the server, or a socket's `nsp.server`). */
type Io = { of(name: string): unknown };

export const visitorNamespace = (io: Io): VisitorNamespace => io.of(VISITOR_NAMESPACE) as VisitorNamespace;
export const agentNamespace = (io: Io): AgentNamespace => io.of(AGENT_NAMESPACE) as AgentNamespace;
