/**
 * The embedded database's folder: one process at a time (a second is refused, naming the first's
 * PID and the way to run several), a holder that was killed does not block the restart, sources
 * it was reading are taken up at that start, and a folder this user cannot write is named as such.
 */
import { spawn } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { knowledgeSources } from '../../db/schema';
import { api, signIn } from '../load/remote';
import { startServerProcess, tempDir, type ServerProcess } from '../process';

const ADMIN = { CHATREF_ADMIN_EMAIL: 'admin@riffandrhythm.example', CHATREF_ADMIN_PASSWORD: 'test-password-123' };

/** Runs `chatref serve` to its exit; resolves with the exit code and everything it printed. */
function serveToExit(env: Record<string, string>, uid?: number): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['bin/chatref.js', 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CHATREF_NO_DEMO: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid !== undefined ? { uid, gid: uid } : {}),
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

interface SourceOut {
  id: string;
  status: string;
  error: string | null;
  chunkCount: number;
}

describe('one process per data directory', () => {
  const dataDir = tempDir();
  const procs: ServerProcess[] = [];
  let page: Server | null = null;
  afterAll(async () => {
    for (const p of procs) await p.stop('SIGKILL');
    await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process on the same folder, naming the holder’s PID and DATABASE_URL', async () => {
    const first = await startServerProcess({ ...ADMIN, CHATREF_DATA_DIR: dataDir });
    procs.push(first);
    const second = await serveToExit({ CHATREF_DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`in use by another Chatref process (PID ${first.child.pid}`);
    expect(second.output).toContain('DATABASE_URL');
    // The first is untouched.
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
  }, 90_000);

  it('starts after the holder was killed, and takes up the sources it was reading', async () => {
    const [first] = procs;
    const session = await signIn(first.url, ADMIN.CHATREF_ADMIN_EMAIL, ADMIN.CHATREF_ADMIN_PASSWORD);
    await first.stop('SIGKILL');

    // What a kill mid-ingest leaves: an upload, a Q&A and a web page all still "ingesting".
    page = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        '<html><body><h1>Repairs</h1><p>We repair amplifiers and guitars in our own workshop within a week.</p></body></html>',
      );
    });
    await new Promise<void>((resolve) => page!.listen(0, '127.0.0.1', resolve));
    const pageUrl = `http://127.0.0.1:${(page.address() as { port: number }).port}/repairs`;
    // Opening the folder here also shows a killed holder's lock does not block (this process takes it).
    const handle = await openDatabase({ driver: 'pglite', dataDir });
    const stuck = await handle.db
      .insert(knowledgeSources)
      .values([
        {
          workspaceId: session.workspaceId,
          kind: 'file',
          name: 'catalogue.pdf',
          uri: 'catalogue.pdf',
          status: 'ingesting',
        },
        { workspaceId: session.workspaceId, kind: 'qa', name: 'Do you repair amps?', status: 'ingesting' },
        { workspaceId: session.workspaceId, kind: 'url', name: pageUrl, uri: pageUrl, status: 'ingesting' },
      ])
      .returning();
    await handle.close();

    const restarted = await startServerProcess({
      ...ADMIN,
      CHATREF_DATA_DIR: dataDir,
      CHATREF_ALLOW_PRIVATE_URLS: '1',
    });
    procs.push(restarted);
    const again = await signIn(restarted.url, ADMIN.CHATREF_ADMIN_EMAIL, ADMIN.CHATREF_ADMIN_PASSWORD);
    const ids = new Set(stuck.map((s) => s.id));
    let sources: SourceOut[] = [];
    // Taken up just after the start: wait for none of them to be "ingesting".
    for (let i = 0; i < 300; i++) {
      const res = await api<SourceOut[]>(
        restarted.url,
        'GET',
        `/api/workspaces/${again.workspaceId}/knowledge/sources`,
        again,
      );
      sources = res.body.filter((s) => ids.has(s.id));
      if (sources.every((s) => s.status !== 'ingesting')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const byId = (id: string) => sources.find((s) => s.id === id)!;
    expect(byId(stuck[0].id)).toMatchObject({
      status: 'error',
      error: 'The server stopped while reading this file; upload it again (INTERRUPTED)',
    });
    expect(byId(stuck[1].id)).toMatchObject({
      status: 'error',
      error: 'The server stopped while reading this Q&A entry; add it again (INTERRUPTED)',
    });
    expect(byId(stuck[2].id)).toMatchObject({ status: 'ready', error: null });
    expect(byId(stuck[2].id).chunkCount).toBeGreaterThan(0);
  }, 120_000);
});

describe('a data directory this user cannot write', () => {
  const dataDir = tempDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is named as a permission problem, not as a database failure', async () => {
    // As root, permissions bind only another user: the server then runs as nobody.
    const root = process.getuid?.() === 0;
    if (!root) chmodSync(dataDir, 0o555);
    const { code, output } = await serveToExit({ CHATREF_DATA_DIR: dataDir, HOME: dataDir }, root ? 65534 : undefined);
    expect(code).toBe(1);
    expect(output).toContain(`Cannot use the data directory ${dataDir}: permission denied [EACCES]`);
    expect(output).toContain('CHATREF_DATA_DIR');
    expect(output).not.toContain('PGlite');
  }, 60_000);
});
