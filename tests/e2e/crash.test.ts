/**
 * Faults in the middle of a load: 200 visitors writing, then the server is killed (SIGKILL) and
 * restarted on the same embedded data dir, or its PostgreSQL connections are cut. Whatever was
 * acknowledged is stored exactly once, retries of what was in flight are not stored twice, and
 * every visitor carries on with the same token.
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgresUrl } from '../databases';
import { chatter, expectExactlyOnce, openWriters, resume, running, until, type Writer } from '../load/chatter';
import { inLanes, openVisitor, signIn } from '../load/remote';
import { startServerProcess, tempDir, type ServerProcess } from '../process';

const ADMIN = { CHATREF_ADMIN_EMAIL: 'admin@riffandrhythm.example', CHATREF_ADMIN_PASSWORD: 'test-password-123' };
const VISITORS = 200;

async function checkAndResume(url: string, workspaceId: string, writers: Writer[]) {
  await inLanes(writers, 20, async (w) => {
    const visitor = await openVisitor(url, workspaceId, { token: w.token, ip: w.ip });
    expect(visitor.session.visitorId).toBe(w.visitorId);
    expectExactlyOnce(w, await visitor.sync(0));
    await resume(w, visitor);
    expectExactlyOnce(w, await visitor.sync(0));
    expect(w.inFlight.size).toBe(0);
  });
}

describe('a crash mid-load on the embedded database', () => {
  const procs: ServerProcess[] = [];
  const dataDir = tempDir();
  afterAll(async () => {
    for (const p of procs) if (running(p)) await p.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged message exactly once after SIGKILL and a restart, and every visitor resumes', async () => {
    const first = await startServerProcess({ ...ADMIN, CHATREF_TRUST_PROXY: '1', CHATREF_DATA_DIR: dataDir });
    procs.push(first);
    const { workspaceId } = await signIn(first.url, ADMIN.CHATREF_ADMIN_EMAIL, ADMIN.CHATREF_ADMIN_PASSWORD);
    const writers = await openWriters(first.url, workspaceId, VISITORS);
    const load = chatter(writers);
    // Mid-load: every visitor connected and writing, half as many messages stored as visitors.
    await until(() => load.totalAcked() >= VISITORS / 2, 40_000, 'the load to be under way');
    await first.stop('SIGKILL');
    await load.stop();
    for (const w of writers) w.visitor.close();
    // The kill came mid-load: some messages were sent and never acknowledged.
    expect(writers.reduce((s, w) => s + w.inFlight.size, 0)).toBeGreaterThan(0);

    const second = await startServerProcess({ ...ADMIN, CHATREF_TRUST_PROXY: '1', CHATREF_DATA_DIR: dataDir });
    procs.push(second);
    await checkAndResume(second.url, workspaceId, writers);
    for (const w of writers) w.visitor.close();
  }, 90_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL connections dropped mid-load', () => {
  let server: ServerProcess | null = null;
  let drop: (() => Promise<void>) | null = null;
  // Unused on PostgreSQL, but given so that no temporary folder is left behind.
  const dataDir = tempDir();
  afterAll(async () => {
    if (server && running(server)) await server.stop('SIGKILL');
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged message exactly once, and sends work again after', async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const db = await freshPostgresUrl(base);
    drop = db.drop;
    server = await startServerProcess({
      ...ADMIN,
      CHATREF_TRUST_PROXY: '1',
      DATABASE_URL: db.url,
      CHATREF_DATA_DIR: dataDir,
    });
    const { workspaceId } = await signIn(server.url, ADMIN.CHATREF_ADMIN_EMAIL, ADMIN.CHATREF_ADMIN_PASSWORD);
    const writers = await openWriters(server.url, workspaceId, VISITORS);
    const load = chatter(writers);
    await until(() => load.totalAcked() >= VISITORS, 40_000, 'a first message from every visitor, on average');

    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const dbName = new URL(db.url).pathname.slice(1);
    let cut = 0;
    try {
      // Twice, a moment apart: connections opened again after the first cut are cut too.
      for (let i = 0; i < 2; i++) {
        const res = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [dbName],
        );
        cut += res.rowCount ?? 0;
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      await admin.end();
    }
    expect(cut).toBeGreaterThan(0);
    const ackedAtCut = load.totalAcked();
    const live = server;
    await until(
      () => !running(live) || load.totalAcked() >= ackedAtCut + VISITORS,
      30_000,
      'sends to be acknowledged again after the cut',
    );
    await load.stop();
    expect(running(live), `the server died when its connections were cut:\n${live.output().slice(-1500)}`).toBe(true);

    await checkAndResume(server.url, workspaceId, writers);
    for (const w of writers) w.visitor.close();
  }, 90_000);
});
