// The worker thread behind db/pglite-thread.ts: it owns the embedded database (PGlite) and runs
// what the server's thread sends it, so PGlite's WebAssembly and its result parsing no longer
// hold up sockets and requests. Plain JavaScript: it loads nothing of ours.
import { Buffer } from 'node:buffer';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol } from '@electric-sql/pglite';

/** Error fields of PostgreSQL's that the server reads (unique violations) or logs. */
const ERROR_FIELDS = ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position'];
const keep = (value) => value;
/** Open transactions by the id of the message that began them. */
const open = new Map();

const reply = (id, result) => parentPort.postMessage({ id, result });
const fail = (id, err) => {
  const error = { message: err instanceof Error ? err.message : String(err) };
  for (const f of ERROR_FIELDS) if (err?.[f] !== undefined) error[f] = err[f];
  parentPort.postMessage({ id, error });
};

/** Rolls back an open transaction; thrown into PGlite's transaction callback. */
class Rollback extends Error {}

const { dataDir, template, archive, settings } = workerData;
// A new data directory starts as a copy of the build's template (db/template.ts): copied here, so
// the server's thread goes on loading meanwhile.
if (dataDir) {
  mkdirSync(dataDir, { recursive: true });
  if (template && !existsSync(join(dataDir, 'PG_VERSION'))) cpSync(template, dataDir, { recursive: true });
}
const startParams = [...PGlite.defaultStartParams, ...settings];
const db = dataDir
  ? new PGlite(dataDir, { startParams })
  : new PGlite(archive ? { loadDataDir: archive, startParams } : { startParams });

async function query(m) {
  // Parsers are functions and cannot cross threads: the caller names the types it wants kept as text.
  const parsers = Object.fromEntries(m.keepAsText.map((oid) => [oid, keep]));
  const r = (!m.tx && (await prepared(m, parsers))) || (await inTransaction(m, parsers));
  return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
}

function inTransaction(m, parsers) {
  const target = m.tx ? open.get(m.tx)?.tx : db;
  if (!target) throw new Error('the transaction is closed');
  return target.query(m.sql, m.params, { rowMode: m.rowMode, parsers });
}

/**
 * Statements prepared once per SQL text, by name. PGlite's `query` parses, plans and describes a
 * statement anew each time, in six calls into its WebAssembly (parse, describe, bind, describe,
 * execute, sync); an insert took 0.23 ms that way and 0.11 ms as a prepared statement bound and run
 * in one call (PGlite alone, this project's bench machine). The server's statements are a few dozen texts, so they are kept; past the bound
 * a new text takes PGlite's own path.
 */
const statements = new Map();
const MAX_STATEMENTS = 500;
const { serialize } = protocol;

/** A query outside a transaction as a prepared statement; null when the cache is full. */
function prepared(m, parsers) {
  if (!statements.has(m.sql) && statements.size >= MAX_STATEMENTS) return null;
  // The locks PGlite's own `query` takes: a transaction under way holds the database to its end.
  return db._runExclusiveTransaction(() =>
    db._runExclusiveQuery(async () => {
      let s = statements.get(m.sql);
      if (!s) {
        const name = `chatref_${statements.size}`;
        const described = await db.execProtocol(
          Buffer.concat([
            serialize.parse({ name, text: m.sql }),
            serialize.describe({ type: 'S', name }),
            serialize.sync(),
          ]),
        );
        s = { name, types: parse.parseDescribeStatementResults(described.messages) };
        statements.set(m.sql, s);
      }
      // Values serialised as PGlite's `query` does: by the parameter's type, else as text.
      const values = (m.params ?? []).map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = db.serializers[s.types[i]];
        return serializer ? serializer(value) : value.toString();
      });
      const { messages } = await db.execProtocol(
        Buffer.concat([
          serialize.bind({ statement: s.name, values }),
          serialize.describe({ type: 'P' }),
          serialize.execute({}),
          serialize.sync(),
        ]),
      );
      return parse.parseResults(messages, db.parsers, { rowMode: m.rowMode, parsers })[0];
    }),
  );
}

function begin(m) {
  let began = false;
  const done = db.transaction(
    (tx) =>
      new Promise((resolve, reject) => {
        began = true;
        open.set(m.id, { tx, resolve, reject, done });
        reply(m.id, {});
      }),
  );
  // Failures after BEGIN are reported to whoever ends the transaction.
  done.catch((err) => {
    if (!began) fail(m.id, err);
  });
}

async function end(m) {
  const t = open.get(m.tx);
  if (!t) throw new Error('the transaction is closed');
  open.delete(m.tx);
  if (m.commit) t.resolve();
  else t.reject(new Rollback());
  try {
    await t.done;
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return {};
}

/**
 * PGlite runs no autovacuum, so nothing ever gathered the tables' statistics: the planner guessed,
 * and a visitor's message updated its conversation through the (workspace, status) index, reading
 * every chat of the shop still with the bot (1.7 ms a message at 5,000 of them, 0.9 ms after
 * ANALYZE; a chat stays with the bot until it is handed off or ended). This is autovacuum's
 * analyze, by the tables' size: a table of ours that has doubled since it was last analyzed (and
 * grown by 8 pages at least) is analyzed again. Not more often: between analyses the planner
 * scales the row count by the table's pages; what it lacked was any statistics at all. Run at
 * start and then every minute, between statements; PostgreSQL drops the plans the new statistics
 * change. Every minute, not every 10 s: the check alone holds the database 4–55 ms, and at 10 s a
 * burst of new chats (tables doubling in seconds) had its acks' p99 at 250–360 ms, 105–160 without.
 */
const ANALYZE_EVERY_MS = 60_000;
/**
 * A sample of 3,000 rows rather than 30,000: ANALYZE holds the database while it runs, and on a
 * table of 100,000 messages it took 73–100 ms at PostgreSQL's default and 13 ms at this one (a
 * capacity step of 1,000 visitors, analyzing as its tables grew, saw replies wait up to 280 ms).
 */
const STATISTICS_TARGET = 10;
const GROWN = `select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind = 'r'
    and pg_relation_size(c.oid) / current_setting('block_size')::int > greatest(c.relpages, 0) * 2 + 8`;

async function analyzeGrown() {
  const { rows } = await db.query(GROWN);
  if (!rows.length) return { analyzed: [] };
  await db.exec(`set default_statistics_target = ${STATISTICS_TARGET}`);
  try {
    for (const { name } of rows) await db.exec(`analyze ${name}`);
  } finally {
    await db.exec('reset default_statistics_target');
  }
  return { analyzed: rows.map((r) => r.name) };
}

let analyzing;
let closing = false;
function analyzeLater() {
  if (closing) return;
  analyzing = setTimeout(
    () =>
      analyzeGrown()
        .catch(() => {})
        .finally(analyzeLater),
    ANALYZE_EVERY_MS,
  );
  analyzing.unref();
}

parentPort.on('message', async (m) => {
  try {
    if (m.op === 'begin') return void begin(m);
    if (m.op === 'analyze') return reply(m.id, await analyzeGrown());
    if (m.op === 'query') return reply(m.id, await query(m));
    if (m.op === 'end') return reply(m.id, await end(m));
    if (m.op === 'close') {
      closing = true;
      clearTimeout(analyzing);
      await db.close();
      return reply(m.id, {});
    }
    throw new Error(`unknown operation ${m.op}`);
  } catch (err) {
    fail(m.id, err);
  }
});

db.waitReady.then(
  () => {
    parentPort.postMessage({ ready: true });
    void analyzeGrown()
      .catch(() => {})
      .finally(analyzeLater);
  },
  (err) => parentPort.postMessage({ ready: false, error: { message: err?.message ?? String(err) } }),
);
