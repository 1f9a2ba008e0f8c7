/**
 * A Socket.IO server on loopback for socket-level unit tests, listening for the enclosing
 * `describe` (its own beforeAll/afterAll), and the clients opened on it, closed with it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type ServerOptions } from 'socket.io';
import { io as connect, type ManagerOptions, type Socket as ClientSocket, type SocketOptions } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';

export function socketServerForTests(opts: Partial<ServerOptions> = {}) {
  const http = createServer();
  const io = new Server(http, opts);
  const clients: ClientSocket[] = [];
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await io.close();
  });
  return {
    io,
    /** A client of `nsp` over WebSocket, without reconnection; closed when the server is. */
    client(nsp = '', options: Partial<ManagerOptions & SocketOptions> = {}): ClientSocket {
      const c = connect(`${url}${nsp}`, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
      clients.push(c);
      return c;
    },
  };
}
