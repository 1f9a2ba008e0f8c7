/**
 * The fair anchor: the bare echo server plus what any chat that keeps its messages must do — one
 * insert per message into the same database, through the same driver, as the product (the
 * embedded one in its thread at `CHATREF_DATA_DIR`, or PostgreSQL at `DATABASE_URL`); the ack and
 * the reply are emitted after it commits. Run as a child process; prints `listening <url>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { Server } from 'socket.io';
import { openDatabase } from '../../db/client';

const handle = await openDatabase(
  process.env.DATABASE_URL
    ? { driver: 'postgres', url: process.env.DATABASE_URL }
    : { driver: 'pglite', dataDir: process.env.CHATREF_DATA_DIR ?? './data-store-echo' },
);
await handle.db.execute(
  sql`create table if not exists bench_store_echo (
        id bigserial primary key, conversation text not null, client_id text not null, body text not null,
        created_at timestamptz not null default now(), unique (conversation, client_id))`,
);

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });

io.of('/visitor').on('connection', (socket) => {
  socket.emit('session', {
    token: 'store-echo',
    visitorId: socket.id,
    lastSeq: 0,
    state: { conversationId: null, status: 'bot' },
  });
  socket.on('send', (payload: { clientId: string; body: string }, ack: (r: unknown) => void) => {
    void (async () => {
      const res = await handle.db.execute<{ id: string }>(
        sql`insert into bench_store_echo (conversation, client_id, body)
            values (${socket.id}, ${payload.clientId}, ${payload.body}) returning id`,
      );
      const rows = (res as unknown as { rows?: { id: string }[] }).rows ?? (res as unknown as { id: string }[]);
      const seq = Number(rows[0].id) * 2;
      const message = (type: string, s: number, body: string) => ({
        id: `${type}-${s}`,
        conversationId: socket.id,
        seq: s,
        clientId: type === 'bot' ? `bot:${payload.clientId}` : payload.clientId,
        author: { type, name: null },
        kind: 'text',
        body,
        createdAt: new Date().toISOString(),
        meta: {},
      });
      ack({ ok: true, data: message('visitor', seq, payload.body) });
      socket.emit('message', message('bot', seq + 1, payload.body));
    })().catch((err: unknown) =>
      ack({ ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } }),
    );
  });
});

http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${(http.address() as AddressInfo).port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void handle.close().finally(() => process.exit(0));
  });
