import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { PGliteThread } from './pglite-thread';
import { templateArchive } from './template';

describe('the embedded database in a worker thread', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  async function thread(): Promise<PGliteThread> {
    const t = await PGliteThread.open({ dataDir: null, archive: templateArchive() });
    cleanup.push(() => t.close());
    await t.query('create table t (id int primary key, v text)');
    return t;
  }

  it('rolls back a transaction whose callback throws, and a query outside it waits for it', async () => {
    const t = await thread();
    let outsideDone = false;
    let outside: Promise<unknown> | undefined;
    await expect(
      t.transaction(async (tx) => {
        await tx.query('insert into t values (1, $1)', ['kept?']);
        outside = t.query('select count(*)::int as n from t').then((r) => ((outsideDone = true), r));
        await new Promise((r) => setTimeout(r, 50));
        expect(outsideDone).toBe(false);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(((await outside) as { rows: { n: number }[] }).rows[0].n).toBe(0);
    await t.transaction(async (tx) => void (await tx.query('insert into t values (2, $1)', ['kept'])));
    expect((await t.query<{ v: string }>('select v from t')).rows).toEqual([{ v: 'kept' }]);
  });

  it("passes PostgreSQL's error fields back, and keeps the listed types as text", async () => {
    const t = await thread();
    await t.query('insert into t values (1, $1)', ['a']);
    const err = await t.query('insert into t values (1, $1)', ['b']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '23505', constraint: 't_pkey', name: 'DatabaseError' });
    const ts = await t.query<[unknown]>("select '2026-11-25 06:00:00+00'::timestamptz", [], {
      rowMode: 'array',
      parsers: { 1184: (v: string) => v },
    });
    expect(ts.rows[0][0]).toBe('2026-11-25 06:00:00+00');
  });

  it("runs a statement outside a transaction prepared once, with the values and results of PGlite's own path", async () => {
    const t = await thread();
    await t.query('create table typed (j jsonb, b bytea, at timestamptz, tags text[], ok boolean, n int, note text)');
    const insert = 'insert into typed values ($1, $2, $3, $4, $5, $6, $7) returning *';
    const values = [
      { a: [1, 'two'] },
      new Uint8Array([0, 255, 7]),
      new Date('2026-12-03T08:00:00Z'),
      ['x', 'y, z'],
      true,
      42,
      null,
    ];
    const outside = await t.query(insert, values);
    const inside = await t.transaction((tx) => tx.query(insert, values));
    expect(outside.rows).toEqual(inside.rows);
    expect(outside.rows[0]).toMatchObject({ j: { a: [1, 'two'] }, tags: ['x', 'y, z'], ok: true, n: 42, note: null });
    expect(outside.fields).toEqual(inside.fields);
    // A refused row and a statement that does not parse leave the prepared ones working.
    await t.query('insert into t values (1, $1)', ['a']);
    await expect(t.query('insert into t values (1, $1)', ['b'])).rejects.toMatchObject({ code: '23505' });
    await expect(t.query('selec nothing')).rejects.toMatchObject({ code: '42601' });
    await t.query('insert into t values (2, $1)', ['b']);
    const prepared = await t.query<{ statement: string }>('select statement from pg_prepared_statements');
    expect(prepared.rows.map((r) => r.statement)).toContain('insert into t values (1, $1)');
    expect((await t.query<{ n: number }>('select count(*)::int as n from t')).rows[0].n).toBe(2);
  });

  it('fails what is under way and what comes after when the thread dies, and says so once', async () => {
    const lost: Error[] = [];
    const t = await PGliteThread.open({ dataDir: null, archive: templateArchive(), onLost: (e) => lost.push(e) });
    cleanup.push(() => t.close());
    // pg_sleep keeps a query under way while the worker is stopped from outside.
    const underWay = t.query('select pg_sleep(5)');
    await new Promise((r) => setTimeout(r, 100));
    await (t as unknown as { worker: import('node:worker_threads').Worker }).worker.terminate();
    await expect(underWay).rejects.toThrow(/stopped/);
    await expect(t.query('select 1')).rejects.toThrow(/stopped/);
    expect(lost).toHaveLength(1);
  });

  it('keeps what was written on disk across close and reopen, through Drizzle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatref-thread-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    let handle: DatabaseHandle = await openDatabase({ driver: 'pglite', dataDir: dir });
    await handle.db.execute(sql`create table kept (v text)`);
    await handle.db.transaction(async (tx) => void (await tx.execute(sql`insert into kept values ('across')`)));
    await handle.close();
    handle = await openDatabase({ driver: 'pglite', dataDir: dir });
    cleanup.push(() => handle.close());
    const result = (await handle.db.execute(sql`select v from kept`)) as unknown as { rows: unknown[] };
    expect(result.rows).toEqual([{ v: 'across' }]);
    const settings = (await handle.db.execute(sql`show shared_buffers`)) as unknown as { rows: unknown[] };
    expect(settings.rows).toEqual([{ shared_buffers: '32MB' }]);
  });

  it('gathers the statistics of a table that has grown, so the planner reads a row by its key (there is no autovacuum)', async () => {
    const t = await thread();
    await t.query('create table chats (id int primary key, shop int not null, status text not null, seq int not null)');
    await t.query('create index chats_shop_status on chats (shop, status)');
    await t.query("insert into chats select g, 1, 'bot', 0 from generate_series(1, 5000) g");
    const plan = async () =>
      (
        await t.query<{ 'QUERY PLAN': string }>(
          "explain update chats set seq = seq + 1 where id = 42 and shop = 1 and status = 'bot'",
        )
      ).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    expect(await plan()).toContain('chats_shop_status');
    expect((await t.analyze()).analyzed).toContain('chats');
    expect(await plan()).toContain('chats_pkey');
    expect((await t.analyze()).analyzed).toEqual([]);
  });
});
