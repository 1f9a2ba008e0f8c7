/**
 * What runs beside the HTTP routes: the knowledge and the bot's turns, the realtime channel with
 * its fan-out, the widget and demo shop pages, and the dashboard.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ASSISTANT_BUSY_TEXT, type VisitorNotice } from '../protocol/socket';
import { createOutbound, type OutboundOptions } from '../net/outbound';
import { instanceSecret } from './auth/visitor-token';
import { Knowledge } from './bot/knowledge';
import { Taggers } from './bot/tagger';
import { ParsePool, type ParserOptions } from './bot/parser';
import { WorkerTrainer } from './bot/trainer';
import { BotTurns } from './bot/turn';
import { settingsCache } from './commands/cached';
import { loadConfig } from './config';
import type { Deps } from './commands/unit';
import { startDetailCapture } from './processors/details';
import { Notifier } from './processors/notify';
import { Router } from './processors/routing';
import { Webhooks } from './processors/webhooks';
import { rooms } from './realtime/rooms';
import { attachRealtime } from './realtime';
import { analyticsRoutes } from './routes/analytics';
import { dashboardRoutes } from './routes/dashboard';
import { getStartedRoutes } from './routes/get-started';
import { listeningUrl } from './app';
import { contactRoutes } from './routes/contacts';
import { conversationRoutes } from './routes/conversations';
import { knowledgeRoutes } from './routes/knowledge';
import { webhookRoutes } from './routes/webhooks';
import { widgetRoutes } from './routes/widget';

export interface Runtime {
  knowledge: Knowledge;
  bot: BotTurns;
  router: Router;
  webhooks: Webhooks;
  plugins: ((app: FastifyInstance) => Promise<void>)[];
  setPublicUrl(url: string): void;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  logger: Logger;
  publicUrl?: string | null;
  mail?: { smtpUrl: string | null; from: string };
  limits?: { perVisitor: number; perIp: number };
  webhookBackoffS?: number[];
  pool?: import('pg').Pool;
  trustProxy?: number;
  /** How long cached settings, tags and webhooks are served before being read again. */
  cacheTtlMs?: number;
  /** Requests to knowledge URLs and webhooks: public addresses only unless `allowPrivate`. */
  outbound?: OutboundOptions;
  /** The parsing pool's threads, limits and time (defaults: the configuration's). */
  parse?: ParserOptions;
  /** Open socket connections per client address. */
  maxSocketsPerIp?: number;
  /** The bot's turn queue and the knowledge indexes' memory (defaults: the configuration's). */
  bot?: import('./config').Config['bot'];
  indexCache?: import('./config').Config['indexCache'];
  /** A language model and embedder from the environment; none means the offline engine answers. */
  ai?: { model: import('ai').LanguageModel | null; embedder: import('../engine').Embedder | null };
}

export async function startRuntime(deps: Deps, opts: RuntimeOptions): Promise<Runtime> {
  let publicUrl = opts.publicUrl ?? null;
  // The knowledge indexes' classifiers train in a worker thread: seconds of work that would
  // otherwise stall every socket after a start or a knowledge change.
  const trainer = new WorkerTrainer();
  // Every request the server sends elsewhere (pages, sites, webhooks) goes through this one guard.
  const outbound = createOutbound(opts.outbound);
  // Uploads and fetched pages are parsed in worker threads, within limits.
  const parser = new ParsePool(opts.parse ?? loadConfig({}).parse);
  const knowledge = new Knowledge(
    deps,
    (workspaceId, chunkId) => (publicUrl ? `${publicUrl}/kb/${workspaceId}/${chunkId}` : null),
    opts.ai ?? {},
    trainer.train,
    outbound,
    parser.read,
    opts.indexCache ?? loadConfig({}).indexCache,
  );
  // Settings are read on every message (bot name, handoff rules): kept in memory, dropped on change.
  const settings = settingsCache(deps, opts.cacheTtlMs);
  const stopSettings = settings.start(deps);
  const taggers = new Taggers(deps, opts.cacheTtlMs);
  const stopTaggers = taggers.start();
  const bot = new BotTurns(deps, knowledge, taggers, settings, opts.logger, {
    ...(opts.bot ?? loadConfig({}).bot),
    // Past capacity the reply comes late, not never: the visitor hears so (the widget shows it).
    onSlow: (conversationId) =>
      io
        ?.of('/visitor')
        .to(rooms.conversation(conversationId))
        .emit('notice', {
          kind: 'assistant_busy',
          text: ASSISTANT_BUSY_TEXT,
        } satisfies VisitorNotice),
  });
  const stopBot = bot.start();
  const router = new Router(deps, opts.logger);
  const stopRouter = router.start();
  const secret = await instanceSecret(deps.db);
  let closeRealtime: (() => Promise<void>) | null = null;
  let io: import('socket.io').Server | null = null;
  const webhooks = new Webhooks(deps, opts.logger, {
    backoffS: opts.webhookBackoffS,
    cacheTtlMs: opts.cacheTtlMs,
    fetch: outbound.fetch,
  });
  const stopWebhooks = webhooks.start();
  const notifier = new Notifier(deps, opts.logger, {
    smtpUrl: opts.mail?.smtpUrl ?? null,
    from: opts.mail?.from ?? 'Chatref <no-reply@chatref.local>',
    publicUrl: () => publicUrl ?? '',
    visitorConnected: async (conversationId) =>
      ((await io?.of('/visitor').in(rooms.conversation(conversationId)).fetchSockets())?.length ?? 0) > 0,
  });
  const stopNotifier = notifier.start();
  const stopDetailCapture = startDetailCapture(deps);

  const plugins = [
    async (app: FastifyInstance) => {
      await app.register(conversationRoutes(deps));
      await app.register(contactRoutes(deps));
      await app.register(knowledgeRoutes(deps, knowledge, outbound));
      await app.register(webhookRoutes(deps, outbound));
      await app.register(analyticsRoutes(deps));
      await app.register(
        getStartedRoutes(
          deps,
          { knowledge, taggers, config: settings },
          { publicUrl: () => publicUrl ?? listeningUrl(app.server.address()) },
        ),
      );
      await dashboardRoutes(app);
      await app.register(widgetRoutes(deps, { publicUrl: () => opts.publicUrl ?? '' }));
      const rt = attachRealtime(app.server, deps, {
        secret,
        logger: opts.logger,
        selfOrigin: () => publicUrl,
        onHandoffRequest: (workspaceId, conversationId) => bot.visitorRequestedHandoff(workspaceId, conversationId),
        limits: opts.limits,
        pool: opts.pool,
        trustProxy: opts.trustProxy,
        settings,
        cacheTtlMs: opts.cacheTtlMs,
        maxSocketsPerIp: opts.maxSocketsPerIp,
      });
      closeRealtime = rt.close;
      io = rt.io;
      app.addHook('preClose', async () => closeRealtime?.());
    },
  ];

  return {
    knowledge,
    bot,
    router,
    webhooks,
    plugins,
    setPublicUrl: (url) => {
      publicUrl = url;
    },
    stop: async () => {
      stopBot();
      stopRouter();
      stopWebhooks();
      stopNotifier();
      stopDetailCapture();
      stopTaggers();
      stopSettings();
      await bot.idle();
      await router.idle();
      await trainer.close();
      await outbound.close();
      await parser.close();
    },
  };
}
