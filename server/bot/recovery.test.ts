import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { knowledgeSources } from '../../db/schema';
import { testDatabases } from '../../tests/databases';
import { makeDeps, makeWorkspace } from '../../tests/factories';
import type { Deps } from '../commands/unit';
import type { Knowledge, SourceInput } from './knowledge';
import { recoverSources } from './recovery';

describe.each(testDatabases())('sources left mid-ingest, on $name', ({ name, open }) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  beforeAll(async () => {
    handle = await open();
    deps = makeDeps(handle.db);
  });
  afterAll(() => handle.close());

  /** Records what would be read again; reading itself has its own tests. */
  const reader = () => {
    const calls: { id: string; input: SourceInput }[] = [];
    const knowledge = {
      ingest: (source: { id: string }, input: SourceInput) => (
        calls.push({ id: source.id, input }),
        Promise.resolve(source)
      ),
    } as unknown as Knowledge;
    return { calls, knowledge };
  };

  async function leaveStuck() {
    const { workspace } = await makeWorkspace(deps);
    return deps.db
      .insert(knowledgeSources)
      .values([
        { workspaceId: workspace.id, kind: 'file', name: 'a.pdf', uri: 'a.pdf', status: 'ingesting' },
        { workspaceId: workspace.id, kind: 'qa', name: 'Do you repair amps?', status: 'pending' },
        { workspaceId: workspace.id, kind: 'crawl', name: 'site', uri: 'https://shop.example/', status: 'ingesting' },
        { workspaceId: workspace.id, kind: 'url', name: 'done', uri: 'https://shop.example/a', status: 'ready' },
      ])
      .returning();
  }

  it('marks uploads and Q&A failed with what to do, and reads web sources again', async () => {
    const [file, qa, crawl, ready] = await leaveStuck();
    const { calls, knowledge } = reader();
    const r = await recoverSources(deps, knowledge, { driver: handle.driver, instanceName: handle.instanceName });
    expect(r.failed).toEqual(expect.arrayContaining([file.id, qa.id]));
    expect(calls.filter((c) => c.id === crawl.id)).toEqual([
      { id: crawl.id, input: { kind: 'crawl', url: 'https://shop.example/' } },
    ]);
    const rows = await deps.db
      .select()
      .from(knowledgeSources)
      .where(inArray(knowledgeSources.id, [file.id, qa.id, ready.id]));
    const by = (id: string) => rows.find((x) => x.id === id)!;
    expect(by(file.id)).toMatchObject({
      status: 'error',
      error: 'The server stopped while reading this file; upload it again (INTERRUPTED)',
    });
    expect(by(qa.id)).toMatchObject({ status: 'error', error: expect.stringContaining('add it again') as string });
    expect(by(ready.id).status).toBe('ready');
    expect(calls.some((c) => c.id === ready.id)).toBe(false);
  });
  // Each PostgreSQL instance names its connections; a live one may be reading them.
  it.runIf(name === 'postgres')('are left to another instance that is connected', async () => {
    const [file] = await leaveStuck();
    const url = (handle.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const other = new pg.Client({ connectionString: url, application_name: 'chatref another-instance' });
    await other.connect();
    try {
      const { calls, knowledge } = reader();
      const r = await recoverSources(deps, knowledge, { driver: 'postgres', instanceName: handle.instanceName });
      expect(r).toEqual({ resumed: [], failed: [] });
      expect(calls).toEqual([]);
      const [row] = await deps.db.select().from(knowledgeSources).where(eq(knowledgeSources.id, file.id));
      expect(row.status).toBe('ingesting');
    } finally {
      await other.end();
    }
  });
});
