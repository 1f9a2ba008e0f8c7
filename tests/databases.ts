/**
 * The databases a contract suite runs against: the embedded one always, on the caller's thread and
 * in its worker thread (as the product runs it); PostgreSQL when TEST_DATABASE_URL is set (each
 * suite gets a fresh database there, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/client';

export interface TestDatabase {
  name: 'pglite' | 'pglite-thread' | 'postgres';
  open(): Promise<DatabaseHandle>;
}

/** Creates an empty PostgreSQL database next to TEST_DATABASE_URL's and returns its URL. */
export async function freshPostgresUrl(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `chatref_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    { name: 'pglite', open: () => openDatabase({ driver: 'pglite', dataDir: null }) },
    { name: 'pglite-thread', open: () => openDatabase({ driver: 'pglite', dataDir: null, thread: true }) },
  ];
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    list.push({
      name: 'postgres',
      open: async () => {
        const { url, drop } = await freshPostgresUrl(base);
        const handle = await openDatabase({ driver: 'postgres', url, poolSize: 5 });
        return { ...handle, close: async () => (await handle.close(), await drop()) };
      },
    });
  }
  return list;
}
