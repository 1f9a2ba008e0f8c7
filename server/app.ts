/**
 * Builds the HTTP application without listening, so tests call it with `app.inject()`. Every route
 * and socket handler is registered here; those that need the runtime's services (knowledge, tagger,
 * socket server) only when they are given.
 */
import type { AddressInfo } from 'node:net';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Outbound } from '../net/outbound';
import type { Knowledge } from './bot/knowledge';
import type { LearnedAnswers } from './bot/learned';
import type { Taggers } from './bot/tagger';
import type { WorkspaceCache, WorkspaceConfig } from './commands/cached';
import type { Deps } from './commands/unit';
import { attachRealtime, type RealtimeOptions } from './realtime';
import { alertRoutes } from './routes/alerts';
import { analyticsRoutes } from './routes/analytics';
import { contactRoutes } from './routes/contacts';
import { conversationRoutes } from './routes/conversations';
import { copilotRoutes } from './routes/copilot';
import { dashboardRoutes } from './routes/dashboard';
import { getStartedRoutes } from './routes/get-started';
import { knowledgeRoutes } from './routes/knowledge';
import { pwaRoutes } from './routes/pwa';
import { satisfactionRoutes } from './routes/satisfaction';
import { targetRoutes } from './routes/targets';
import { webhookRoutes } from './routes/webhooks';
import { widgetRoutes } from './routes/widget';
import { installAuth } from './http/auth';
import { installErrorHandling } from './http/errors';
import { installNulCheck } from './http/nul';
import { authRoutes } from './routes/auth';
import { FAVICON } from './http/favicon';
import { cannedReplyRoutes } from './routes/canned-replies';
import { tagRoutes } from './routes/tags';
import { workspaceRoutes } from './routes/workspaces';
import { trustHops } from './http/client-address';

/** What the runtime (server/runtime.ts) hands the routes and socket handlers that need it. */
export interface AppServices {
  knowledge: Knowledge;
  taggers: Taggers;
  settings: WorkspaceCache<WorkspaceConfig>;
  outbound: Pick<Outbound, 'refusal'>;
  /** The public URL once known (configured, or where the server listens); null before. */
  publicUrl: () => string | null;
  /** The demo workspace's slug when the demo is on (its storefront shows that widget). */
  demoSlug: string | null;
  /** The copilot's learned answers, the language model when one is configured, passage links. */
  learned: LearnedAnswers;
  model: import('ai').LanguageModel | null;
  passageUrl: (workspaceId: string, chunkId: string) => string | null;
  /** Web Push: the public VAPID key devices subscribe with; private push endpoints only when allowed. */
  push: { vapidPublicKey: string; allowPrivate: boolean };
  /** The socket server, made by the runtime (which runs its fan-out), and its handlers' options. */
  io: import('socket.io').Server;
  realtime: Omit<RealtimeOptions, 'selfOrigin' | 'settings'>;
}

export interface AppOptions {
  deps: Deps;
  /** The runtime's services: with them, the knowledge, get-started, widget and socket handlers too. */
  services?: AppServices;
  logger?: Logger | false;
  /** Base URL used in links (invitations, the widget snippet); defaults to the request's own host. */
  publicUrl?: string | null;
  /** Extra plugins registered after the routes (tests). */
  plugins?: ((app: FastifyInstance) => Promise<void>)[];
  /** Proxies in front whose X-Forwarded-For entries are trusted (0: none; a client could pick its own address). */
  trustProxy?: number;
  /** Invitations are mailed (SMTP is configured); their link is returned to show either way. */
  emailsInvitations?: boolean;
  /** `closed`: no sign-up; invitations are the only way in (CHATREF_SIGNUP). */
  signup?: 'open' | 'closed';
  /** Set once the server is ready to take traffic; /health answers 503 until then. */
  isReady?: () => boolean;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (opts.logger || undefined) as FastifyBaseLogger | undefined,
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy ? trustHops(opts.trustProxy) : false,
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installNulCheck(app);

  await app.register(cookie);
  // Security headers everywhere; the dashboard's CSP allows only its own scripts and sockets.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    // The widget's scripts and its config are loaded by shops' pages on other origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Chatref API',
        version: '0.1.0',
        description:
          'Customer-support chat for small shops. Authenticate with a session cookie (+ x-csrf-token for writes) or `Authorization: Bearer ck_…`. A key acts within its scopes (read, conversations:write, knowledge:write, admin): a route outside them answers 403 naming the scope it needs.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  installAuth(app, opts.deps);

  // Unset, links point at the port the server really listens on (known once it listens).
  const publicUrl = () => opts.publicUrl ?? listeningUrl(app.server.address());
  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(FAVICON),
  );
  app.get('/health', { schema: { hide: true } }, async (_req, reply) => {
    if (opts.isReady && !opts.isReady()) return reply.status(503).send({ ok: false });
    return { ok: true };
  });
  await app.register(
    authRoutes(opts.deps, { secureCookies: publicUrl().startsWith('https://'), signup: opts.signup ?? 'open' }),
  );
  await app.register(workspaceRoutes(opts.deps, { publicUrl, emailsInvitations: opts.emailsInvitations ?? false }));
  await app.register(tagRoutes(opts.deps));
  await app.register(cannedReplyRoutes(opts.deps));
  await app.register(conversationRoutes(opts.deps));
  await app.register(contactRoutes(opts.deps));
  await app.register(analyticsRoutes(opts.deps));
  await app.register(satisfactionRoutes(opts.deps));
  await app.register(targetRoutes(opts.deps));
  if (opts.services) await registerServices(app, opts, opts.services);
  for (const plugin of opts.plugins ?? []) await plugin(app);
  await app.ready();
  return app;
}

/** The routes and socket handlers that need the runtime's services. */
async function registerServices(app: FastifyInstance, opts: AppOptions, services: AppServices): Promise<void> {
  const { deps } = opts;
  const { knowledge, taggers, settings } = services;
  await app.register(knowledgeRoutes(deps, knowledge, services.outbound));
  await app.register(webhookRoutes(deps, services.outbound));
  await app.register(
    getStartedRoutes(
      deps,
      { knowledge, taggers, config: settings },
      { publicUrl: () => services.publicUrl() ?? listeningUrl(app.server.address()) },
    ),
  );
  await app.register(
    copilotRoutes(
      deps,
      { knowledge, learned: services.learned, taggers, config: settings, model: services.model },
      services.passageUrl,
    ),
  );
  await app.register(alertRoutes(deps, { ...services.push, outbound: services.outbound }));
  await pwaRoutes(app);
  await dashboardRoutes(app);
  await app.register(widgetRoutes(deps, { publicUrl: () => opts.publicUrl ?? '', demoSlug: services.demoSlug }));
  const realtime = attachRealtime(services.io, app.server, deps, {
    ...services.realtime,
    selfOrigin: services.publicUrl,
    settings,
  });
  app.addHook('preClose', realtime.close);
}

/** `http://localhost:PORT` for the address the server listens on (no port before it listens). */
export function listeningUrl(address: AddressInfo | string | null): string {
  return typeof address === 'object' && address ? `http://localhost:${address.port}` : 'http://localhost';
}
