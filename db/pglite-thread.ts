/**
 * The embedded database in a worker thread. PGlite runs PostgreSQL in WebAssembly on the thread
 * that calls it, and parses results there too: under load that was most of the server's thread
 * (about half of it at 100 messages/s), and sockets queued behind it. Here PGlite lives in
 * `pglite-worker.mjs`; this side offers the two methods Drizzle's PGlite driver calls, `query`
 * and `transaction`, and passes them over as messages.
 *
 * Same semantics as PGlite in-process: one statement at a time, a transaction holds the database
 * until it ends, and a query outside it waits. Errors come back with PostgreSQL's fields (`code`,
 * `constraint`, …). If the worker dies, every call under way and after fails, and `onLost` is told.
 *
 * (`@electric-sql/pglite-socket` serves PGlite over the wire protocol and would do this job too, but
 * it pins an older PGlite and seven extension packages as peers.)
 */
import { Worker } from 'node:worker_threads';
import { lockDataDir } from './lock';
import { EMBEDDED_SETTINGS, templateDir } from './template';

export interface ThreadQueryOptions {
  rowMode?: 'array' | 'object';
  /** Drizzle keeps these types as text; parsers are functions and cannot cross, so only the types go. */
  parsers?: Record<number, unknown>;
}

export interface ThreadResults<T = unknown> {
  rows: T[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

export interface ThreadQueries {
  query<T = unknown>(sql: string, params?: unknown[], options?: ThreadQueryOptions): Promise<ThreadResults<T>>;
}

interface Reply {
  id?: number;
  ready?: boolean;
  result?: unknown;
  error?: { message: string } & Record<string, unknown>;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

export interface ThreadOptions {
  /** A data directory, or null for a database in memory (loaded from `archive` when given). */
  dataDir: string | null;
  /** Copied into `dataDir` first when it holds no database yet (by the thread: the copy is 40 MB). */
  template?: string | null;
  archive?: Blob | null;
  /** Told once if the worker stops without being closed. */
  onLost?: (err: Error) => void;
  /** Called once the worker has stopped after `close` (the data directory's lock is released). */
  onClosed?: () => Promise<void>;
}

export class PGliteThread implements ThreadQueries {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private openTransactions = 0;
  private lost: Error | null = null;
  private closing = false;

  private constructor(
    private readonly worker: Worker,
    /** Told once if the worker stops without being closed (may be set after opening). */
    public onLost?: (err: Error) => void,
    private readonly onClosed?: () => Promise<void>,
  ) {
    worker.on('message', (m: Reply) => this.settle(m));
    worker.on('error', (err) => this.stop(err));
    worker.on('exit', (code) => this.stop(new Error(`the embedded database's thread stopped (exit ${code})`)));
  }

  /** Starts the worker and waits until the database is open. */
  static open(opts: ThreadOptions): Promise<PGliteThread> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
      workerData: {
        dataDir: opts.dataDir,
        template: opts.template ?? null,
        archive: opts.archive ?? null,
        settings: EMBEDDED_SETTINGS,
      },
    });
    return new Promise((resolve, reject) => {
      const failed = (err: Error) => {
        void worker.terminate();
        reject(err);
      };
      const exited = (code: number) => failed(new Error(`the embedded database's thread stopped (exit ${code})`));
      worker.once('message', (m: Reply) => {
        worker.off('error', failed);
        worker.off('exit', exited);
        if (!m.ready) return failed(new Error(`the embedded database did not open: ${m.error?.message ?? 'unknown'}`));
        const thread = new PGliteThread(worker, opts.onLost, opts.onClosed);
        thread.idle();
        resolve(thread);
      });
      worker.once('error', failed);
      worker.once('exit', exited);
    });
  }

  query<T = unknown>(sql: string, params: unknown[] = [], options: ThreadQueryOptions = {}): Promise<ThreadResults<T>> {
    return this.call(queryMessage(sql, params, options)) as Promise<ThreadResults<T>>;
  }

  async transaction<T>(fn: (tx: ThreadQueries) => Promise<T>): Promise<T> {
    const { id, done } = this.send({ op: 'begin' });
    await done;
    this.openTransactions++;
    const tx: ThreadQueries = {
      query: <R>(sql: string, params: unknown[] = [], options: ThreadQueryOptions = {}) =>
        this.call({ ...queryMessage(sql, params, options), tx: id }) as Promise<ThreadResults<R>>,
    };
    try {
      let result: T;
      try {
        result = await fn(tx);
      } catch (err) {
        await this.call({ op: 'end', tx: id, commit: false }).catch(() => {});
        throw err;
      }
      await this.call({ op: 'end', tx: id, commit: true });
      return result;
    } finally {
      this.openTransactions--;
      this.idle();
    }
  }

  /** Analyzes the tables that have grown since they last were (the thread does it every minute too). */
  analyze(): Promise<{ analyzed: string[] }> {
    return this.call({ op: 'analyze' }) as Promise<{ analyzed: string[] }>;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (!this.lost) await this.call({ op: 'close' }).catch(() => {});
    await this.worker.terminate();
    await this.onClosed?.();
  }

  private call(message: Record<string, unknown>): Promise<unknown> {
    return this.send(message).done;
  }

  private send(message: Record<string, unknown>): { id: number; done: Promise<unknown> } {
    const id = this.nextId++;
    const done = new Promise<unknown>((resolve, reject) => {
      if (this.lost) return reject(this.lost);
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...message, id });
    });
    return { id, done };
  }

  private settle(m: Reply): void {
    const p = m.id === undefined ? undefined : this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id!);
    if (m.error) p.reject(Object.assign(new Error(m.error.message), m.error, { name: 'DatabaseError' }));
    else p.resolve(m.result);
    this.idle();
  }

  /** With nothing under way, the worker must not keep the process alive. */
  private idle(): void {
    if (!this.pending.size && !this.openTransactions) this.worker.unref();
  }

  private stop(err: Error): void {
    if (this.lost) return;
    this.lost = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    if (!this.closing) this.onLost?.(err);
  }
}

function queryMessage(sql: string, params: unknown[], options: ThreadQueryOptions) {
  return {
    op: 'query',
    sql,
    params,
    rowMode: options.rowMode ?? 'object',
    keepAsText: Object.keys(options.parsers ?? {}).map(Number),
  };
}

/**
 * Starts opening the embedded database on disk in its thread: the directory is locked first (one
 * process per data directory, see db/lock.ts), and a new one gets a copy of the build's template
 * (see db/template.ts). Called as early as possible at start, so PostgreSQL starts in its thread
 * while the server's modules load in this one.
 */
export async function openDataDir(dataDir: string): Promise<PGliteThread> {
  let thread: PGliteThread | null = null;
  // A lock lost while running (taken over, its folder removed) is as bad as a lost database.
  const release = await lockDataDir(dataDir, (err) =>
    thread?.onLost?.(new Error(`the data directory's lock was lost: ${err.message}`)),
  );
  try {
    thread = await PGliteThread.open({ dataDir, template: templateDir(), onClosed: release });
    return thread;
  } catch (err) {
    await release();
    throw err;
  }
}
