import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { MessageType } from 'socket.io-adapter';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import { freshPostgresUrl } from '../../tests/databases';
import { clusterAdapter } from './adapter';

/** A Socket.IO server on loopback with the adapter, and the types of the messages it published. */
async function instance(handle: DatabaseHandle, clock: () => number) {
  const pool = handle.pool!;
  const published: MessageType[] = [];
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = (...args) => {
    const [text, params] = args as [string, unknown[] | undefined];
    if (typeof text === 'string' && text.includes('pg_notify') && params)
      published.push((JSON.parse(String(params[1])) as { type: MessageType }).type);
    return query(...args);
  };
  const http: HttpServer = createServer();
  const io = new Server(http, { adapter: clusterAdapter(pool, clock) });
  io.on('connection', (s) => void s.join('room'));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return { io, url, published };
}

function client(url: string): Promise<ClientSocket> {
  const c = connect(url, { transports: ['websocket'], forceNew: true });
  return new Promise((resolve, reject) => {
    c.once('connect', () => resolve(c));
    c.once('connect_error', reject);
  });
}

const broadcasts = (types: MessageType[]) => types.filter((t) => t === MessageType.BROADCAST).length;

describe.skipIf(!process.env.TEST_DATABASE_URL)('the PostgreSQL adapter when alone and with others', () => {
  const handles: DatabaseHandle[] = [];
  const closers: (() => unknown)[] = [];
  let drop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    ({ url, drop } = await freshPostgresUrl(process.env.TEST_DATABASE_URL!));
  });
  afterAll(async () => {
    for (const c of closers.reverse()) await c();
    for (const h of handles) await h.close();
    await drop?.();
  });

  it('delivers locally without pg_notify while alone, and across instances once another is heard', async () => {
    let t = 0;
    const clock = () => t;
    const open = async () => {
      const h = await openDatabase({ driver: 'postgres', url, poolSize: 3 });
      handles.push(h);
      const i = await instance(h, clock);
      closers.push(() => i.io.close());
      return i;
    };
    const a = await open();
    t = 11_000; // past the start window in which everything is published
    const onA = await client(a.url);
    closers.push(() => onA.close());
    const got = new Promise((r) => onA.once('news', r));
    a.io.to('room').emit('news', 'alone');
    expect(await got).toBe('alone');
    expect(broadcasts(a.published)).toBe(0);

    // B starts: its first heartbeat makes A publish again, and A's broadcasts reach B's sockets.
    const b = await open();
    const onB = await client(b.url);
    closers.push(() => onB.close());
    const heard = new Promise((r) => onB.once('news', r));
    const deadline = Date.now() + 10_000;
    while (!(await Promise.race([heard.then(() => true), new Promise((r) => setTimeout(() => r(false), 100))]))) {
      if (Date.now() > deadline) throw new Error('B never got a broadcast from A');
      a.io.to('room').emit('news', 'together');
    }
    expect(await heard).toBe('together');
    expect(broadcasts(a.published)).toBeGreaterThan(0);
  }, 30_000);
});
