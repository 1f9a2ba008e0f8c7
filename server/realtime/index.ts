/**
 * The realtime channel: Socket.IO on the same HTTP server, two namespaces (visitor, agent),
 * per-visitor and per-IP rate limits. The server is made first (`socketServer`), so the fan-out
 * processor (server/processors/fanout.ts) can be started with the other processors; its handlers
 * are attached with the routes (`attachRealtime`).
 */
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import { Server } from 'socket.io';
import type { WorkspaceCache, WorkspaceConfig } from '../commands/cached';
import type { TopicReader } from '../commands/handoff';
import type { InlineAnswerer } from '../commands/visitor';
import type { Deps } from '../commands/unit';
import type { Serial } from '../events/serial';
import { clusterAdapter } from './adapter';
import { clientAddress } from '../http/client-address';
import { MemberAccess, enforceLiveAccess } from './access';
import { attachAgentNamespace } from './agent';
import { connectionCap } from './connections';
import { relayAcrossInstances } from './relay';
import type { HandlerOptions } from './handler';
import { agentNamespace, visitorNamespace } from './namespaces';
import { requireProtocol } from './protocol-version';
import { attachVisitorNamespace, type VisitorData } from './visitor';

export interface RealtimeOptions {
  secret: string;
  logger: Logger;
  selfOrigin: () => string | null;
  /** The tagger the handoff reads the chat with. */
  taggers: TopicReader;
  /** Per-conversation order shared with the bot's turns. */
  serial: Serial;
  /** PostgreSQL pool: when given, committed events are relayed to the other instances. */
  pool?: Pool;
  /** Proxies in front whose X-Forwarded-For entries are trusted (see server/http/client-address.ts). */
  trustProxy?: number;
  /** Messages per visitor per 10 s, and per IP per 10 s (several visitors may share an IP). */
  limits?: { perVisitor: number; perIp: number };
  settings: WorkspaceCache<WorkspaceConfig>;
  /** How long a member's checked access is trusted before it is read again (changes drop it at once). */
  cacheTtlMs?: number;
  /** Open socket connections per client address (CHATREF_MAX_SOCKETS_PER_IP). */
  maxSocketsPerIp?: number;
  /** Whether this server can send email (CHATREF_SMTP_URL): the widget offers the transcript only then. */
  mails?: boolean;
  /** The bot, to store its answer with the visitor's message when it can at once. */
  bot?: InlineAnswerer;
}

export const DEFAULT_MAX_SOCKETS_PER_IP = 200;

/**
 * The Socket.IO server, not yet listening: with the PostgreSQL adapter when a pool is given, so
 * events reach sockets on every instance.
 */
export function socketServer(opts: { pool?: Pool } = {}): Server {
  const io = new Server({ serveClient: false });
  // Across instances, delivery never relies on the adapter's state recovery (it has none): clients
  // catch up by sequence number from the database after every reconnect.
  if (opts.pool) io.adapter(clusterAdapter(opts.pool));
  return io;
}

/** Attaches `io` to the HTTP server with its namespaces' handlers; `close` lets the sockets go. */
export function attachRealtime(
  io: Server,
  http: HttpServer,
  deps: Deps,
  opts: RealtimeOptions,
): { close: () => Promise<void> } {
  const cap = connectionCap(opts.maxSocketsPerIp ?? DEFAULT_MAX_SOCKETS_PER_IP, opts.trustProxy ?? 0);
  io.attach(http, {
    // Payloads up to 1 MB reach the handlers, which refuse oversized messages with a clear error
    // (a message is at most 4,000 characters); beyond 1 MB the transport itself drops the socket.
    maxHttpBufferSize: 1024 * 1024,
    // The widget connects from shops' pages without cookies; the dashboard is same-origin and the
    // agent namespace checks the origin and the CSRF token itself (server/realtime/agent.ts).
    cors: { origin: true, credentials: false },
    allowRequest: cap.allowRequest,
  });
  cap.attach(io);
  const stopRelay = opts.pool ? relayAcrossInstances(io, deps.bus) : () => {};
  const limits = opts.limits ?? { perVisitor: 20, perIp: 200 };
  const onUnexpected = (err: unknown, event: string) => opts.logger.error({ err, event }, 'socket handler failed');
  const visitorHandler: HandlerOptions = {
    onUnexpected,
    limiters: [
      {
        key: (s) => `v:${(s.data as VisitorData).visitorId}`,
        limiter: new RateLimiterMemory({ points: limits.perVisitor, duration: 10 }),
      },
      {
        key: (s) => `ip:${clientAddress(s.request, opts.trustProxy ?? 0)}`,
        limiter: new RateLimiterMemory({ points: limits.perIp, duration: 10 }),
      },
    ],
  };
  // Typing notices have a budget of their own: a visitor typing several messages fast must not
  // spend the budget their messages need (each message costs a start and a stop of typing).
  const typingHandler: HandlerOptions = {
    onUnexpected,
    limiters: [
      {
        key: (s) => `t:${(s.data as VisitorData).visitorId}`,
        limiter: new RateLimiterMemory({ points: limits.perVisitor * 2, duration: 10 }),
      },
    ],
  };
  const agentHandler: HandlerOptions = {
    onUnexpected,
    limiters: [
      {
        key: (s) => `u:${String((s.data as { userId: string }).userId)}`,
        limiter: new RateLimiterMemory({ points: 100, duration: 10 }),
      },
    ],
  };
  // Before each namespace's own checks: an outdated client is told to reload, whatever else.
  visitorNamespace(io).use(requireProtocol());
  agentNamespace(io).use(requireProtocol());
  attachVisitorNamespace(visitorNamespace(io), deps, {
    secret: opts.secret,
    handler: visitorHandler,
    typingHandler,
    selfOrigin: opts.selfOrigin,
    taggers: opts.taggers,
    serial: opts.serial,
    bot: opts.bot,
    settings: opts.settings,
    trustProxy: opts.trustProxy,
    mails: opts.mails,
  });
  const access = new MemberAccess(deps, opts.cacheTtlMs);
  attachAgentNamespace(agentNamespace(io), deps, { handler: agentHandler, access, publicUrl: opts.selfOrigin });
  const stopAccess = enforceLiveAccess(io, deps, access);
  return {
    close: async () => {
      // The HTTP server is closed by Fastify; here only the sockets are let go, so it can close.
      stopAccess();
      stopRelay();
      io.disconnectSockets(true);
      // The PostgreSQL adapter holds a pool client (its LISTEN) until every namespace's adapter
      // closes; until then the pool cannot end, and the process never stopped on SIGTERM.
      await Promise.all([...io._nsps.values()].map((nsp) => nsp.adapter.close()));
      io.engine.close();
    },
  };
}
