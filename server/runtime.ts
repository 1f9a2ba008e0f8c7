/**
 * What runs beside the HTTP routes: the services (knowledge, tagger, settings cache) and the
 * processors of committed events (bot, fan-out, routing, webhooks, email, details). The routes and
 * socket handlers that use the services are registered by the app factory (server/app.ts).
 */
import type { Logger } from 'pino';
import { ASSISTANT_BUSY_TEXT, type VisitorNotice } from '../protocol/socket';
import { createOutbound, type OutboundOptions } from '../net/outbound';
import { instanceSecret } from './auth/visitor-token';
import { Knowledge } from './bot/knowledge';
import { LearnedAnswers } from './bot/learned';
import { Taggers } from './bot/tagger';
import { ParsePool, type ParserOptions } from './bot/parser';
import { WorkerTrainer } from './bot/trainer';
import { settingsCache } from './commands/cached';
import { loadConfig } from './config';
import { Serial } from './events/serial';
import type { Deps } from './commands/unit';
import { vapidKeys } from './commands/push';
import { Alerts } from './processors/alerts';
import { BotTurns } from './processors/bot';
import { startDetailCapture } from './processors/details';
import { startFanout } from './processors/fanout';
import { startLearning } from './processors/learning';
import { Notifier } from './processors/notify';
import { Router } from './processors/routing';
import { startTranscripts } from './processors/transcript';
import { Webhooks } from './processors/webhooks';
import { socketServer } from './realtime';
import { visitorNamespace } from './realtime/namespaces';
import { rooms } from './realtime/rooms';
import type { AppServices } from './app';

export interface Runtime {
  knowledge: Knowledge;
  bot: BotTurns;
  /** The bot's turns and visitors' handoffs under way, in order per conversation. */
  serial: Serial;
  router: Router;
  webhooks: Webhooks;
  /** What the app factory registers the service-backed routes and socket handlers with. */
  services: AppServices;
  setPublicUrl(url: string): void;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  logger: Logger;
  publicUrl?: string | null;
  mail?: { smtpUrl: string | null; from: string };
  limits?: { perVisitor: number; perIp: number };
  webhookBackoffS?: number[];
  /** How often due webhook deliveries are looked for (a new event's are sent at once). */
  webhookIntervalMs?: number;
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
  /** Web Push's keys from the environment (else the stored pair) and subject. */
  vapid?: { keys: { publicKey: string; privateKey: string } | null; subject: string | null };
  /** How often waiting handoffs are checked for a re-alert or escalation. */
  alertIntervalMs?: number;
  /** The demo workspace's slug, when the demo is on (its storefront shows that widget). */
  demoSlug?: string | null;
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
  const passageUrl = (workspaceId: string, chunkId: string) =>
    publicUrl ? `${publicUrl}/kb/${workspaceId}/${chunkId}` : null;
  const knowledge = new Knowledge(deps, passageUrl, opts.ai ?? {}, trainer.train, outbound, parser.read, {
    ...(opts.indexCache ?? loadConfig({}).indexCache),
    checkMs: opts.cacheTtlMs,
  });
  // Settings are read on every message (bot name, handoff rules): kept in memory, dropped on change.
  const settings = settingsCache(deps, { ttlMs: opts.cacheTtlMs, mails: (opts.mail?.smtpUrl ?? null) !== null });
  const stopSettings = settings.start(deps);
  const taggers = new Taggers(deps, opts.cacheTtlMs);
  const stopTaggers = taggers.start();
  // The socket server is made here, so the fan-out starts with the other processors (and the bot
  // can tell a visitor it is busy); its handlers are attached to the HTTP server with the routes.
  const io = socketServer({ pool: opts.pool });
  // The bot's turns and a visitor's request for a person, one at a time per conversation.
  const serial = new Serial();
  const bot = new BotTurns(deps, knowledge, taggers, settings, opts.logger, serial, {
    ...(opts.bot ?? loadConfig({}).bot),
    // Past capacity the reply comes late, not never: the visitor hears so (the widget shows it).
    onSlow: (conversationId) =>
      visitorNamespace(io)
        .to(rooms.conversation(conversationId))
        .emit('notice', { kind: 'assistant_busy', text: ASSISTANT_BUSY_TEXT } satisfies VisitorNotice),
  });
  const stopBot = bot.start();
  const router = new Router(deps, opts.logger);
  const stopRouter = router.start();
  const secret = await instanceSecret(deps.db);
  const stopFanout = startFanout(io, deps, settings);
  const webhooks = new Webhooks(deps, opts.logger, {
    intervalMs: opts.webhookIntervalMs,
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
      (await io.of('/visitor').in(rooms.conversation(conversationId)).fetchSockets()).length > 0,
  });
  const stopNotifier = notifier.start();
  const vapid = await vapidKeys(deps.db, opts.vapid?.keys ?? null);
  const alerts = new Alerts(deps, opts.logger, {
    vapid: { ...vapid, subject: opts.vapid?.subject ?? vapidSubject(publicUrl, opts.mail?.from) },
    fetch: outbound.fetch,
    sendMail: (to, subject, text) => notifier.send(to, subject, text),
    publicUrl: () => publicUrl ?? '',
    intervalMs: opts.alertIntervalMs,
  });
  const stopAlerts = alerts.start();
  const stopDetailCapture = startDetailCapture(deps);
  const stopTranscripts = startTranscripts(deps, opts.logger, {
    smtpUrl: opts.mail?.smtpUrl ?? null,
    from: opts.mail?.from ?? 'Chatref <no-reply@chatref.local>',
  });
  // The copilot: what the team taught, learned from every reply, and suggested back.
  const learned = new LearnedAnswers(deps);
  const stopLearned = learned.start();
  const stopLearning = startLearning(deps, opts.logger);

  const services: AppServices = {
    knowledge,
    taggers,
    settings,
    outbound,
    publicUrl: () => publicUrl,
    demoSlug: opts.demoSlug ?? null,
    io,
    learned,
    model: opts.ai?.model ?? null,
    passageUrl,
    push: { vapidPublicKey: vapid.publicKey, allowPrivate: opts.outbound?.allowPrivate ?? false },
    realtime: {
      secret,
      logger: opts.logger,
      taggers,
      serial,
      bot,
      limits: opts.limits,
      pool: opts.pool,
      trustProxy: opts.trustProxy,
      cacheTtlMs: opts.cacheTtlMs,
      maxSocketsPerIp: opts.maxSocketsPerIp,
      mails: (opts.mail?.smtpUrl ?? null) !== null,
    },
  };

  return {
    knowledge,
    bot,
    serial,
    router,
    webhooks,
    services,
    setPublicUrl: (url) => {
      publicUrl = url;
    },
    stop: async () => {
      stopFanout();
      stopBot();
      stopRouter();
      stopWebhooks();
      stopNotifier();
      stopAlerts();
      stopDetailCapture();
      stopTranscripts();
      stopLearning();
      stopLearned();
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

/** Who push services may contact: the server's https address, else the mail sender's address. */
function vapidSubject(publicUrl: string | null, from = ''): string {
  if (publicUrl?.startsWith('https://')) return publicUrl;
  const address = /<([^>]+)>/.exec(from)?.[1] ?? (from.includes('@') ? from.trim() : 'no-reply@chatref.local');
  return `mailto:${address}`;
}
