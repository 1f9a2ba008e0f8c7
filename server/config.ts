/**
 * Configuration from environment variables, validated once at start with messages a person can act on.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../engine/ingest/limits';

/** A whole number within bounds, from an environment variable, with a message naming it. */
const intVar = (name: string, what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be ${what}` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .optional();

const Env = z.object({
  PORT: z.coerce.number({ error: 'PORT must be a port number (0–65535)' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** When set, PostgreSQL is used instead of the embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  CHATREF_DATA_DIR: z.string().default('./data'),
  /** The address people use to reach this server (links in emails, the widget snippet). */
  CHATREF_PUBLIC_URL: z.url('CHATREF_PUBLIC_URL must be a full URL such as https://chat.example.com').optional(),
  CHATREF_ADMIN_EMAIL: z.email('CHATREF_ADMIN_EMAIL must be an email address').optional(),
  CHATREF_ADMIN_PASSWORD: z.string().min(8, 'CHATREF_ADMIN_PASSWORD must be at least 8 characters').optional(),
  /** `closed`: nobody can create an account on their own; invitations are the only way in. */
  CHATREF_SIGNUP: z.enum(['open', 'closed'], { error: 'CHATREF_SIGNUP must be open or closed' }).default('open'),
  /** Skip creating the demo workspace on first start. */
  CHATREF_NO_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  /** SMTP server for notification email, e.g. smtp://user:pass@mail.example.com:587 */
  CHATREF_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'CHATREF_SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  CHATREF_MAIL_FROM: z.string().default('Chatref <no-reply@chatref.local>'),
  /**
   * Behind reverse proxies or load balancers: how many of them append to X-Forwarded-For (`1` or
   * `true` for one). The client's address is read that many hops from the right, so a client
   * cannot choose its own by sending the header.
   */
  CHATREF_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2})$/,
      'CHATREF_TRUST_PROXY must be the number of proxies in front (0, 1, 2 …), or true/false',
    )
    .optional(),
  /**
   * How long settings, tags and webhooks may be served from memory (changes drop them sooner), and
   * how often a knowledge index is compared with the database for another instance's changes.
   */
  CHATREF_CACHE_TTL_MS: z.coerce
    .number({ error: 'CHATREF_CACHE_TTL_MS must be a number of milliseconds' })
    .int()
    .min(0)
    .max(3_600_000)
    .default(5000),
  /**
   * Let knowledge URLs, crawls and webhooks reach private, loopback and link-local addresses: only
   * for a self-hosted server whose shop pages live on an intranet (anyone who can add a source
   * could then read the server's own network).
   */
  CHATREF_ALLOW_PRIVATE_URLS: z
    .enum(['0', '1', 'true', 'false'], { error: 'CHATREF_ALLOW_PRIVATE_URLS must be 1 or 0 (true or false)' })
    .optional(),
  /**
   * `0`: PostgreSQL statements are not prepared (named) per connection. For a pooler that cannot
   * keep them, e.g. PgBouncer in transaction mode before 1.21 or without max_prepared_statements.
   */
  CHATREF_PG_PREPARED: z
    .enum(['0', '1', 'true', 'false'], { error: 'CHATREF_PG_PREPARED must be 1 or 0 (true or false)' })
    .optional(),
  /** Parsing uploads and fetched pages, off the server's thread (server/bot/parser.ts). */
  CHATREF_PARSE_THREADS: intVar('CHATREF_PARSE_THREADS', 'a number of threads', 1, 64),
  CHATREF_PARSE_TIMEOUT_S: intVar('CHATREF_PARSE_TIMEOUT_S', 'a number of seconds', 1, 3600),
  CHATREF_PARSE_MEMORY_MB: intVar('CHATREF_PARSE_MEMORY_MB', 'a number of megabytes', 64, 16384),
  CHATREF_PARSE_MAX_PAGES: intVar('CHATREF_PARSE_MAX_PAGES', 'a number of pages', 1, 1_000_000),
  CHATREF_PARSE_MAX_CHARS: intVar('CHATREF_PARSE_MAX_CHARS', 'a number of characters', 1000, 1_000_000_000),
  CHATREF_PARSE_MAX_UNPACKED_MB: intVar('CHATREF_PARSE_MAX_UNPACKED_MB', 'a number of megabytes', 1, 16384),
  CHATREF_PARSE_MAX_CHUNKS: intVar('CHATREF_PARSE_MAX_CHUNKS', 'a number of chunks', 1, 1_000_000),
  /** Open socket connections one client address may hold (widget tabs and dashboards together). */
  CHATREF_MAX_SOCKETS_PER_IP: z.coerce
    .number({ error: 'CHATREF_MAX_SOCKETS_PER_IP must be a number of connections' })
    .int()
    .min(1, 'CHATREF_MAX_SOCKETS_PER_IP must be at least 1')
    .max(1_000_000)
    .default(200),
  /** Web Push's VAPID key pair (base64url, as `web-push generate-vapid-keys` prints); generated and stored when unset. */
  CHATREF_VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, 'CHATREF_VAPID_PUBLIC_KEY must be a base64url P-256 public key (87 characters)')
    .optional(),
  CHATREF_VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'CHATREF_VAPID_PRIVATE_KEY must be a base64url P-256 private key (43 characters)')
    .optional(),
  /** Who push services may contact about this server: mailto:you@example.com or an https URL. */
  CHATREF_VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:.+@.+|https:\/\/.+)$/, 'CHATREF_VAPID_SUBJECT must be mailto:you@example.com or an https:// URL')
    .optional(),
  /** How often waiting handoffs are checked for a due re-alert or escalation. */
  CHATREF_ALERT_INTERVAL_MS: intVar('CHATREF_ALERT_INTERVAL_MS', 'a number of milliseconds', 100, 600_000),
  /** How often webhook deliveries that are due (retries, and any another instance left) are looked for. */
  CHATREF_WEBHOOK_INTERVAL_MS: intVar('CHATREF_WEBHOOK_INTERVAL_MS', 'a number of milliseconds', 100, 600_000),
  /** The bot's turns (server/bot/turn-queue.ts): at once, waiting in memory, and when a wait is "slow". */
  CHATREF_BOT_CONCURRENCY: intVar('CHATREF_BOT_CONCURRENCY', 'a number of turns', 1, 256),
  CHATREF_BOT_CROWDED_CONCURRENCY: intVar('CHATREF_BOT_CROWDED_CONCURRENCY', 'a number of turns', 1, 256),
  CHATREF_BOT_LATE_CONCURRENCY: intVar('CHATREF_BOT_LATE_CONCURRENCY', 'a number of turns', 1, 256),
  CHATREF_BOT_QUEUE_MAX: intVar('CHATREF_BOT_QUEUE_MAX', 'a number of turns', 1, 1_000_000),
  CHATREF_BOT_BUSY_MS: intVar('CHATREF_BOT_BUSY_MS', 'a number of milliseconds', 0, 600_000),
  /** `newest-when-behind` (default): past `CHATREF_BOT_BUSY_MS` the newest chat goes first; `in-order`: never. */
  CHATREF_BOT_ORDER: z
    .enum(['newest-when-behind', 'in-order'], { error: 'CHATREF_BOT_ORDER must be newest-when-behind or in-order' })
    .default('newest-when-behind'),
  /** Memory for the knowledge indexes kept loaded; the least recently used beyond it are dropped. */
  CHATREF_INDEX_CACHE_MB: intVar('CHATREF_INDEX_CACHE_MB', 'a number of megabytes', 16, 1_048_576),
  /** Minutes an index may stay unused before it is dropped (0: only when memory is short). */
  CHATREF_INDEX_IDLE_MIN: intVar('CHATREF_INDEX_IDLE_MIN', 'a number of minutes', 0, 525_600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  database: { driver: 'pglite'; dataDir: string } | { driver: 'postgres'; url: string; prepared: boolean };
  publicUrl: string | null;
  admin: { email: string | null; password: string | null };
  demo: boolean;
  /** May strangers create an account (and a workspace) from the sign-in page? */
  signup: 'open' | 'closed';
  /** Proxies in front whose X-Forwarded-For entries are trusted (0: none). */
  trustProxy: number;
  cacheTtlMs: number;
  /** Outbound requests (knowledge URLs, webhooks) may reach internal addresses. */
  allowPrivateUrls: boolean;
  /** The parsing pool: threads (null: half the cores), time and heap per task, content limits. */
  parse: { threads: number | null; timeoutMs: number; memoryMb: number; limits: ParseLimits };
  maxSocketsPerIp: number;
  /**
   * The bot's turn queue: turns at once (fewer while crowded, and of those, late ones while
   * behind), turns waiting in memory, ms before the visitor hears "busy" (and the queue counts as
   * behind), and whether the newest chat goes first while behind.
   */
  bot: {
    concurrency: number;
    crowdedConcurrency: number;
    lateConcurrency: number;
    maxQueued: number;
    slowAfterMs: number;
    newestWhenBehind: boolean;
  };
  /** Knowledge indexes in memory: their estimated size bound, and how long an unused one stays. */
  indexCache: { maxMb: number; idleMs: number };
  mail: { smtpUrl: string | null; from: string };
  /** Web Push keys from the environment (null: generated once and kept in the database). */
  vapid: { keys: { publicKey: string; privateKey: string } | null; subject: string | null };
  alertIntervalMs: number;
  webhookIntervalMs: number;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  pretty: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError listing every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!e.CHATREF_VAPID_PUBLIC_KEY !== !e.CHATREF_VAPID_PRIVATE_KEY)
    throw new ConfigError(
      'Invalid configuration:\n  CHATREF_VAPID_PUBLIC_KEY and CHATREF_VAPID_PRIVATE_KEY must be set together',
    );
  const botConcurrency = e.CHATREF_BOT_CONCURRENCY ?? 4;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { driver: 'postgres', url: e.DATABASE_URL, prepared: !['0', 'false'].includes(e.CHATREF_PG_PREPARED ?? '') }
      : { driver: 'pglite', dataDir: resolve(e.CHATREF_DATA_DIR) },
    publicUrl: e.CHATREF_PUBLIC_URL?.replace(/\/$/, '') ?? null,
    admin: { email: e.CHATREF_ADMIN_EMAIL ?? null, password: e.CHATREF_ADMIN_PASSWORD ?? null },
    mail: { smtpUrl: e.CHATREF_SMTP_URL ?? null, from: e.CHATREF_MAIL_FROM },
    vapid: {
      keys:
        e.CHATREF_VAPID_PUBLIC_KEY && e.CHATREF_VAPID_PRIVATE_KEY
          ? { publicKey: e.CHATREF_VAPID_PUBLIC_KEY, privateKey: e.CHATREF_VAPID_PRIVATE_KEY }
          : null,
      subject: e.CHATREF_VAPID_SUBJECT ?? null,
    },
    alertIntervalMs: e.CHATREF_ALERT_INTERVAL_MS ?? 5000,
    webhookIntervalMs: e.CHATREF_WEBHOOK_INTERVAL_MS ?? 5000,
    trustProxy: proxyHops(e.CHATREF_TRUST_PROXY),
    cacheTtlMs: e.CHATREF_CACHE_TTL_MS,
    allowPrivateUrls: e.CHATREF_ALLOW_PRIVATE_URLS === '1' || e.CHATREF_ALLOW_PRIVATE_URLS === 'true',
    signup: e.CHATREF_SIGNUP,
    parse: {
      threads: e.CHATREF_PARSE_THREADS ?? null,
      timeoutMs: (e.CHATREF_PARSE_TIMEOUT_S ?? 60) * 1000,
      memoryMb: e.CHATREF_PARSE_MEMORY_MB ?? 512,
      limits: {
        maxPages: e.CHATREF_PARSE_MAX_PAGES ?? DEFAULT_PARSE_LIMITS.maxPages,
        maxChars: e.CHATREF_PARSE_MAX_CHARS ?? DEFAULT_PARSE_LIMITS.maxChars,
        maxInflatedBytes:
          e.CHATREF_PARSE_MAX_UNPACKED_MB !== undefined
            ? e.CHATREF_PARSE_MAX_UNPACKED_MB * 1048576
            : DEFAULT_PARSE_LIMITS.maxInflatedBytes,
        maxChunks: e.CHATREF_PARSE_MAX_CHUNKS ?? DEFAULT_PARSE_LIMITS.maxChunks,
      },
    },
    maxSocketsPerIp: e.CHATREF_MAX_SOCKETS_PER_IP,
    bot: {
      concurrency: botConcurrency,
      // The embedded database runs every statement on one thread, where the acks wait behind the
      // turns' statements; PostgreSQL spreads them over its backends (see TurnQueue's `limit`).
      crowdedConcurrency: e.CHATREF_BOT_CROWDED_CONCURRENCY ?? (e.DATABASE_URL ? botConcurrency : 2),
      lateConcurrency: e.CHATREF_BOT_LATE_CONCURRENCY ?? 1,
      maxQueued: e.CHATREF_BOT_QUEUE_MAX ?? 5000,
      slowAfterMs: e.CHATREF_BOT_BUSY_MS ?? 3000,
      newestWhenBehind: e.CHATREF_BOT_ORDER === 'newest-when-behind',
    },
    indexCache: { maxMb: e.CHATREF_INDEX_CACHE_MB ?? 512, idleMs: (e.CHATREF_INDEX_IDLE_MIN ?? 60) * 60_000 },
    demo: !(e.CHATREF_NO_DEMO === '1' || e.CHATREF_NO_DEMO === 'true'),
    logLevel: e.LOG_LEVEL,
    pretty: process.stdout.isTTY === true && e.NODE_ENV !== 'production',
  };
}

function proxyHops(value: string | undefined): number {
  if (value === undefined || value === 'false') return 0;
  return value === 'true' ? 1 : Number(value);
}
