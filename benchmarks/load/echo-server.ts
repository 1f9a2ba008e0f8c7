/**
 * The baseline: a bare Socket.IO server speaking just enough of the visitor protocol (session,
 * acked send, a pushed reply) to be driven by the same workers as the product. It does no work,
 * so its latency is what Socket.IO and this machine cost on their own.
 * Run as a child process; prints `listening <url>` on stdout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
let seq = 0;

io.of('/visitor').on('connection', (socket) => {
  socket.emit('session', {
    token: 'echo',
    visitorId: socket.id,
    lastSeq: 0,
    state: { conversationId: null, status: 'bot' },
  });
  socket.on('send', (payload: { clientId: string; body: string }, ack: (r: unknown) => void) => {
    const mine = ++seq;
    const message = (type: string, s: number, body: string) => ({
      id: String(s),
      conversationId: 'echo',
      seq: s,
      clientId: payload.clientId,
      author: { type, name: null },
      kind: 'text',
      body,
      createdAt: new Date().toISOString(),
      meta: {},
    });
    ack({ ok: true, data: message('visitor', mine, payload.body) });
    socket.emit('message', message('bot', ++seq, payload.body));
  });
});

http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${(http.address() as AddressInfo).port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
