/**
 * `chatref serve` / `npm start`: configuration → database (migrated) → demo on first start →
 * HTTP + realtime → ready. Stops cleanly on SIGINT/SIGTERM.
 */
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { users } from '../db/schema';
import { DataDirError } from '../db/lock';
import type { PGliteThread } from '../db/pglite-thread';
import type { OutboundOptions } from '../net/outbound';
import { embedderFromEnv, ModelConfigError, modelFromEnv } from '../engine';
import { buildApp } from './app';
import type { Knowledge } from './bot/knowledge';
import { recoverSources } from './bot/recovery';
import type { Deps } from './commands/unit';
import { ConfigError, loadConfig, type Config } from './config';
import { EventBus } from './events/bus';
import { createLogger } from './logger';
import { startRuntime, type Runtime } from './runtime';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  config: Config;
  runtime: Runtime;
  /** Resolves when every event handler and bot turn started so far has finished. */
  idle(): Promise<void>;
  /** Resolves once the demo content (first start) is loaded and the knowledge indexes are built. */
  contentReady: Promise<void>;
  close(): Promise<void>;
}

/** What the demo's first start made (or found). */
export interface DemoSeeded {
  created: boolean;
  workspaceId: string;
  admin: { email: string; password: string };
  agents: string[];
}

/**
 * The demo shop, handed in by the CLI (cli/demo.ts): the server does not import demo/. Without it
 * no demo is made, whatever CHATREF_NO_DEMO says.
 */
export interface DemoHook {
  /** The demo workspace's slug: the storefront at /demo shows its widget. */
  slug: string;
  /** Creates the demo workspace when no workspace exists yet; otherwise reports the existing one. */
  seedIfEmpty(deps: Deps, admin: { email: string | null; password: string | null }): Promise<DemoSeeded | null>;
  /** The demo's pages (then `onPages`) and past chats, after the server is ready. */
  seedContent(deps: Deps, workspaceId: string, knowledge: Knowledge, onPages: () => void): Promise<void>;
}

export interface StartOptions {
  /** The demo shop to seed on a first start (the CLI's; tests pass it too). */
  demo?: DemoHook;
  /** Called with every database statement (tests count queries per operation). */
  onQuery?: (sql: string) => void;
  /** The embedded database, already opening in its thread (see server/early.ts). */
  opening?: Promise<PGliteThread> | null;
  /** Outbound-request options over the configuration's (tests name a resolver and "public" hosts). */
  outbound?: OutboundOptions;
}

/** Starts the whole product and returns once it is listening and ready. */
export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  quiet = false,
  opts: StartOptions = {},
): Promise<RunningServer> {
  const config = loadConfig(env);
  let ai: { model: ReturnType<typeof modelFromEnv>; embedder: ReturnType<typeof embedderFromEnv> };
  try {
    ai = { model: modelFromEnv(env), embedder: embedderFromEnv(env) };
  } catch (err) {
    if (err instanceof ModelConfigError) throw new ConfigError(`Invalid configuration:\n  ${err.message}`);
    throw err;
  }
  const logger = createLogger(quiet ? 'silent' : config.logLevel, config.pretty);
  let ready = false;
  // Where a start spends its time (logged once ready): the process's own start counts from 0.
  const phases: Record<string, number> = { imported: Math.round(performance.now()) };
  const phase = (name: string) => (phases[name] = Math.round(performance.now()));
  const handle: DatabaseHandle = await openDatabase({
    ...(config.database.driver === 'pglite'
      ? { ...config.database, opening: opts.opening ?? undefined }
      : config.database),
    onQuery: opts.onQuery,
    // Without its database the server can store nothing: stop, so that whatever runs it restarts it.
    onLost: (err) => {
      logger.fatal({ err }, 'the embedded database stopped');
      process.exit(1);
    },
  });
  phase('database');
  const bus = new EventBus((err, event) => logger.error({ err, event: event.name }, 'event handler failed'));
  const deps: Deps = { db: handle.db, bus, now: () => new Date() };
  const runtime = await startRuntime(deps, {
    logger,
    publicUrl: config.publicUrl,
    mail: config.mail,
    pool: handle.pool,
    ai,
    trustProxy: config.trustProxy,
    cacheTtlMs: config.cacheTtlMs,
    outbound: { allowPrivate: config.allowPrivateUrls, ...opts.outbound },
    parse: config.parse,
    maxSocketsPerIp: config.maxSocketsPerIp,
    vapid: config.vapid,
    alertIntervalMs: config.alertIntervalMs,
    webhookIntervalMs: config.webhookIntervalMs,
    demoSlug: opts.demo?.slug ?? null,
    bot: config.bot,
    indexCache: config.indexCache,
  });
  phase('runtime');
  const demo = config.demo && opts.demo ? await opts.demo.seedIfEmpty(deps, config.admin) : null;
  phase('demo');
  const app = await buildApp({
    deps,
    logger,
    publicUrl: config.publicUrl,
    services: runtime.services,
    isReady: () => ready,
    trustProxy: config.trustProxy,
    signup: config.signup,
    emailsInvitations: config.mail.smtpUrl !== null,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  runtime.setPublicUrl(url);
  ready = true;
  logger.info({ msSinceStart: phase('listening'), phases }, 'ready');
  // After /health says ready: every workspace's index is built (its classifier trains in a worker
  // thread) and, on a first start, the demo shop's pages and past chats are written. Chats are
  // served meanwhile; the AI knows the demo pages once they are in.
  let warming: Promise<void> | null = null;
  const warm = () =>
    (warming ??= runtime.knowledge.warmAll().then(
      () => logger.info({ msSinceStart: Math.round(performance.now()) }, 'knowledge ready'),
      (err: unknown) => logger.error({ err }, 'could not build the knowledge index'),
    ));
  const contentReady = (async () => {
    // Sources a previous run died reading: read again (web) or marked failed with what to do.
    await recoverSources(deps, runtime.knowledge, {
      driver: handle.driver,
      instanceName: handle.instanceName,
      logger,
    }).catch((err: unknown) => logger.error({ err }, 'could not take up the sources left mid-ingest'));
    if (demo && opts.demo)
      await opts.demo.seedContent(deps, demo.workspaceId, runtime.knowledge, () => {
        void warm(); // while the past chats are written
      });
    await warm();
  })().catch((err: unknown) => logger.error({ err }, 'could not load the demo content'));

  if (!quiet) {
    const lines = [
      '',
      `  Chatref is running (${handle.driver === 'pglite' ? `embedded database in ${(config.database as { dataDir: string }).dataDir}` : 'PostgreSQL'})`,
      `  Dashboard:  ${url}/app`,
      ...(demo ? [`  Demo shop:  ${url}/demo`] : []),
      `  API docs:   ${url}/api/docs`,
    ];
    // Closed sign-up on an install with nobody in it: nobody could ever get in.
    if (config.signup === 'closed' && !demo && !(await handle.db.select({ id: users.id }).from(users).limit(1)).length)
      lines.push(
        '  Sign-up is closed (CHATREF_SIGNUP=closed) and no account exists yet: start once with it open',
        '  to create the first owner, or with the demo on.',
      );
    if (demo?.created) {
      lines.push(`  Sign in as: ${demo.admin.email}  /  ${demo.admin.password}`);
      lines.push(`  Agents:     ${demo.agents.join(', ')} (same password)`);
    } else if (demo) {
      lines.push(
        `  Demo workspace already exists: sign in as ${demo.admin.email} with the password printed on first start`,
      );
    }
    process.stdout.write(lines.join('\n') + '\n\n');
  }

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      ready = false;
      await contentReady;
      await app.close();
      await runtime.stop();
      await bus.idle();
      await handle.close();
    })());
  const idle = async () => {
    await bus.idle();
    await runtime.serial.idle();
    await bus.idle();
    await runtime.router.idle();
    await bus.idle();
  };
  return { app, url, config, runtime, idle, close, contentReady };
}

/** The CLI entry: start, print, and stop gracefully on signals. */
export async function serve(opening: Promise<PGliteThread> | null = null, demo?: DemoHook): Promise<void> {
  let server: RunningServer;
  try {
    server = await startServer(process.env, false, { opening, demo });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    // Another process holds the data directory, or it cannot be written: say so, no stack.
    if (err instanceof DataDirError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
