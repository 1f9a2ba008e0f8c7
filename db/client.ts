/**
 * Opens the database: PGlite (embedded, a folder on disk) by default, PostgreSQL when a URL is given.
 * Both are wrapped by Drizzle with the same schema, and migrations are applied on open.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { openDataDir, PGliteThread } from './pglite-thread';
import * as schema from './schema';
import { EMBEDDED_SETTINGS, MIGRATIONS_FOLDER, templateArchive } from './template';

export type Schema = typeof schema;
/** A Drizzle database on either driver. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction on either driver; commands take `Db | Tx` as "something to query". */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Queryable = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** The node-postgres pool (PostgreSQL only): Socket.IO's adapter shares it across instances. */
  pool?: import('pg').Pool;
  /** PostgreSQL only: this instance's connections' application_name, `chatref <random id>`. */
  instanceName?: string;
  close(): Promise<void>;
}

export type DatabaseOptions = (
  | {
      driver: 'pglite';
      dataDir: string | null /* null: in memory */;
      /** In memory, run PGlite in a worker thread too (as on disk, always); default: on the caller's thread. */
      thread?: boolean;
      /** The data directory's thread, already opening (`openDataDir`, called early at start). */
      opening?: Promise<PGliteThread>;
    }
  | {
      driver: 'postgres';
      url: string;
      poolSize?: number;
      /** Name parameterised statements so each connection prepares them once (default on). */
      prepared?: boolean;
    }
) & {
  /** Called with every statement Drizzle sends (to count queries per operation in tests and benches). */
  onQuery?: (sql: string) => void;
  /** Told if the embedded database's thread stops unexpectedly (nothing more can be stored). */
  onLost?: (err: Error) => void;
};

const migrationsFolder = MIGRATIONS_FOLDER;

/** Opens the database and brings its schema up to date. */
export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.driver === 'pglite') {
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    let client: { close(): Promise<void> };
    if (opts.dataDir) {
      // On disk: in its thread, which copies the build's template into a new data directory.
      const thread = await (opts.opening ?? openDataDir(opts.dataDir));
      thread.onLost = opts.onLost;
      client = thread;
    } else if (opts.thread) {
      client = await PGliteThread.open({ dataDir: null, archive: templateArchive(), onLost: opts.onLost });
    } else {
      const archive = templateArchive();
      const { PGlite } = await import('@electric-sql/pglite');
      const startParams = [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS];
      client = new PGlite(archive ? { loadDataDir: archive, startParams } : { startParams });
    }
    // The thread offers what Drizzle's PGlite driver calls (`query`, `transaction`).
    const db = drizzle(client as import('@electric-sql/pglite').PGlite, { schema, logger: queryLogger(opts.onQuery) });
    await migrate(db, { migrationsFolder });
    return { db: db as unknown as Db, driver: 'pglite', close: () => client.close() };
  }
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // Named, so an instance can tell whether others are connected (see server/bot/recovery.ts).
  const instanceName = `chatref ${randomUUID()}`;
  const poolSize = opts.poolSize ?? 10;
  // Connections stay open once made (`min`): opening one costs PostgreSQL a process and the
  // caller a round trip or three, and a pool that shrank while the shop was quiet paid that on
  // the first messages of a burst (the first two seconds of 1,000 new visitors: reply p99 278 ms,
  // 86 ms with the pool kept and filled at start).
  const pool = new pg.default.Pool({
    Client: opts.prepared === false ? pg.default.Client : namedStatements(pg.default.Client),
    connectionString: opts.url,
    max: poolSize,
    min: poolSize,
    application_name: instanceName,
  });
  // A dropped connection must not crash the process: idle clients report on the pool, clients in
  // use on themselves; the query in flight fails (and is retried or refused), the pool reconnects.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema, logger: queryLogger(opts.onQuery) });
  // Several instances may start at once: one migrates while the others wait on the lock.
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock(727274)');
    await migrate(drizzle(lockClient, { schema }), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock(727274)').catch(() => {});
    lockClient.release();
  }
  // Filled before the first request; a connection refused here (the server's limit) is made later.
  const warm = await Promise.all(Array.from({ length: poolSize }, () => pool.connect().catch(() => null)));
  for (const c of warm) c?.release();
  return { db: db as unknown as Db, driver: 'postgres', pool, instanceName, close: () => pool.end() };
}

/**
 * A client that names every parameterised statement by its text, so each connection parses and
 * plans it once and then only binds and runs it (node-postgres prepares a named statement on a
 * connection's first use). Statements without values keep the simple protocol: a migration may
 * hold several commands, which a prepared statement cannot. The server's statements are a few
 * dozen texts; past MAX_NAMED (a list's length makes a new text) they go unnamed, so what each
 * connection keeps prepared stays bounded.
 */
const MAX_NAMED = 500;

function namedStatements(Client: typeof import('pg').Client): typeof import('pg').Client {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name && names.size < MAX_NAMED) {
      name = `chatref_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  class NamedClient extends Client {}
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  NamedClient.prototype.query = function (this: import('pg').Client, config: unknown, ...rest: unknown[]) {
    const c = config as { text?: unknown; name?: unknown; values?: unknown[]; submit?: unknown } | null;
    const params = Array.isArray(rest[0]) ? rest[0] : c?.values;
    const name =
      c && typeof c === 'object' && typeof c.text === 'string' && !c.name && !c.submit && params?.length
        ? nameOf(c.text)
        : undefined;
    if (name) config = { ...c, name };
    return query.call(this, config, ...rest);
  } as typeof Client.prototype.query;
  return NamedClient;
}

const queryLogger = (onQuery?: (sql: string) => void) =>
  onQuery ? { logQuery: (sql: string) => onQuery(sql) } : false;
