/**
 * The product under test, as a separate process (`node bin/chatref.js serve`) on a store of its
 * own: a fresh embedded data dir, or a fresh PostgreSQL database that is dropped afterwards.
 */
import { readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../db/client';
import { freshPostgresUrl } from '../tests/databases';
import { makeDeps, makeMember } from '../tests/factories';
import { signIn as remoteSignIn } from '../tests/load/remote';
import { startServerProcess, tempDir, type ServerProcess } from '../tests/process';

const PROFILER = new URL('./cpu-profiler.mjs', import.meta.url).href;

export const BENCH_ADMIN = { email: 'admin@riffandrhythm.example', password: 'bench-password-123' };
/** The password `makeMember` gives the agents it creates. */
export const AGENT_PASSWORD = 'correct horse battery';

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  kind: StoreKind;
  env: Record<string, string>;
  /** Adds agents straight into the database (the server must not hold an embedded store open). */
  addAgents(n: number): Promise<string[]>;
  dispose(): Promise<void>;
}

/** The PostgreSQL server to bench against, if one answers: TEST_DATABASE_URL or the local default. */
export async function postgresBase(): Promise<string | null> {
  const url =
    process.env.CHATREF_BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return url;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function createStore(kind: StoreKind, pgBase: string | null): Promise<Store> {
  if (kind === 'pglite') {
    const dir = tempDir('chatref-bench-');
    const addAgents = async (n: number) => {
      const handle = await openDatabase({ driver: 'pglite', dataDir: dir });
      try {
        return await membersOf(handle.db, n);
      } finally {
        await handle.close();
      }
    };
    return {
      kind,
      env: { CHATREF_DATA_DIR: dir },
      addAgents,
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!pgBase) throw new Error('no PostgreSQL server to bench against');
  const { url, drop } = await freshPostgresUrl(pgBase);
  const dir = tempDir('chatref-bench-');
  const addAgents = async (n: number) => {
    const handle = await openDatabase({ driver: 'postgres', url, poolSize: 2 });
    try {
      return await membersOf(handle.db, n);
    } finally {
      await handle.close();
    }
  };
  return {
    kind,
    env: { DATABASE_URL: url, CHATREF_DATA_DIR: dir },
    addAgents,
    dispose: async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function membersOf(db: import('../db/client').Db, n: number): Promise<string[]> {
  const [ws] = await db.query.workspaces.findMany({ limit: 1 });
  if (!ws) throw new Error('the demo workspace is missing');
  const deps = makeDeps(db);
  const emails: string[] = [];
  for (let i = 0; i < n; i++) emails.push((await makeMember(deps, ws.id, 'agent', `Bench agent ${i + 1}`)).email);
  return emails;
}

export interface Product {
  url: string;
  pid: number;
  workspaceId: string;
  /** Resident memory of the server process, in KB. */
  rssKb(): number;
  signIn(email: string, password: string): Promise<{ cookie: string; csrf: string }>;
  stop(): Promise<void>;
}

/** Starts the server on the store; returns once it prints its URL and `/health` answers 200. */
export async function startProduct(store: Store): Promise<Product & { startMs: number }> {
  const t0 = performance.now();
  // The product as `npm start` runs it: the built server (benchmarks/run.ts builds it first).
  const proc: ServerProcess = await startServerProcess(
    {
      ...store.env,
      CHATREF_ADMIN_EMAIL: BENCH_ADMIN.email,
      CHATREF_ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOG_LEVEL: 'error',
      NODE_ENV: 'production',
      // The simulated visitors stand behind a "proxy": each has its own X-Forwarded-For address.
      CHATREF_TRUST_PROXY: '1',
      // CPU profiles of the server, written on exit, for benchmarks/profile.ts.
      ...(process.env.CHATREF_BENCH_PROFILE ? { NODE_OPTIONS: `--import=${PROFILER}` } : {}),
    },
    60_000,
    'built',
  );
  try {
    for (;;) {
      const res = await fetch(`${proc.url}/health`).catch(() => null);
      if (res?.status === 200) break;
      if (performance.now() - t0 > 60_000) throw new Error('/health never answered 200');
      await new Promise((r) => setTimeout(r, 20));
    }
    const startMs = performance.now() - t0;
    const signIn = (email: string, password: string) => remoteSignIn(proc.url, email, password);
    const admin = await signIn(BENCH_ADMIN.email, BENCH_ADMIN.password);
    return {
      url: proc.url,
      pid: proc.child.pid!,
      workspaceId: admin.workspaceId,
      startMs,
      rssKb: () =>
        Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proc.child.pid}/status`, 'utf8'))?.[1] ?? Number.NaN),
      signIn,
      stop: async () => {
        const killer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
        await proc.stop('SIGTERM');
        clearTimeout(killer);
      },
    };
  } catch (err) {
    await proc.stop('SIGKILL');
    throw err;
  }
}
