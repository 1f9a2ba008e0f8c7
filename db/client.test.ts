import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresUrl } from '../tests/databases';
import { openDatabase, type DatabaseHandle } from './client';

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL connections', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  async function open(prepared?: boolean): Promise<DatabaseHandle> {
    const { url, drop } = await freshPostgresUrl(process.env.TEST_DATABASE_URL!);
    cleanup.push(drop);
    // One connection, so the statements asked about are that connection's.
    const handle = await openDatabase({ driver: 'postgres', url, poolSize: 1, prepared });
    cleanup.push(() => handle.close());
    return handle;
  }

  const preparedOn = async (h: DatabaseHandle) => {
    const r = (await h.db.execute(sql`select statement from pg_prepared_statements`)) as unknown as {
      rows: { statement: string }[];
    };
    return r.rows.map((row) => row.statement);
  };

  it('prepare a parameterised statement once per connection, and a multi-command text not at all', async () => {
    const h = await open();
    for (const n of [1, 2, 3])
      expect(await h.db.execute(sql`select ${n}::int + 1 as m`)).toMatchObject({ rows: [{ m: n + 1 }] });
    await h.db.execute(sql.raw('create table t (v int); insert into t values (7)'));
    const statements = await preparedOn(h);
    expect(statements.filter((s) => s === 'select $1::int + 1 as m')).toHaveLength(1);
    expect(statements.some((s) => s.includes('create table'))).toBe(false);
  });

  it('keep at most 500 texts prepared on a connection; the rest run unnamed', async () => {
    const h = await open();
    for (let i = 0; i < 520; i++) await h.db.execute(sql`select ${i}::int + ${sql.raw(String(i))} as m`);
    const statements = await preparedOn(h);
    expect(statements.length).toBeLessThanOrEqual(500);
    expect(statements.length).toBeGreaterThan(400);
  });

  it('prepare nothing when told not to (a pooler that cannot keep them)', async () => {
    const h = await open(false);
    await h.db.execute(sql`select ${1}::int as m`);
    expect(await preparedOn(h)).toEqual([]);
  });
});
