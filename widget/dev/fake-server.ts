/**
 * A stand-in for the Chatref server, just enough of protocol/socket.ts to look at the widget:
 * serves `dist/widget/*`, a shop page with the snippet, the widget config, and a `/visitor`
 * namespace that answers with an AI reply (with citations), queues hand-offs, asks for an email
 * and lets an agent join when the driver says so. Development only; not the real server.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Server, type Socket } from 'socket.io';
import { MAX_BODY, type Ack, type VisitorSession, type VisitorState, type WireMessage } from '../../protocol/socket';
import type { WidgetConfig } from '../src/types';

const dist = fileURLToPath(new URL('../../dist/widget/', import.meta.url));

export const WORKSPACES: Record<string, WidgetConfig> = {
  '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b': {
    color: '#b4462b',
    greeting: 'Hi! I’m the Riff & Rhythm assistant. Ask me about orders, repairs, lessons or gear.',
    position: 'right',
    botName: 'Riff & Rhythm assistant',
  },
  '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d': {
    color: '#f2c94c',
    greeting: 'Hey there 👋 How can we help?',
    position: 'left',
    botName: 'Sunny',
  },
};

interface Conversation {
  token: string;
  messages: WireMessage[];
  state: VisitorState;
  sockets: Set<Socket>;
}

const page = (ws: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Riff &amp; Rhythm — demo shop</title>
<style>
  /* Deliberately hostile shop CSS: none of it may reach the widget. */
  * { font-family: Georgia, serif; letter-spacing: .02em; }
  button { background: hotpink !important; border: 4px dashed lime; border-radius: 0; }
  textarea, input { background: yellow; font-size: 30px; }
  div { padding: 3px; }
  body { margin: 0; background: #f4efe9; color: #2b2118; }
  header { background: #2b2118; color: #f4efe9; padding: 18px 32px; font-size: 22px; }
  main { max-width: 960px; margin: 32px auto; padding: 0 24px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 18px; }
  .card { background: #fff; border-radius: 8px; height: 180px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
</style></head>
<body><header>Riff &amp; Rhythm</header>
<main><h1>Guitars, drums &amp; lessons</h1><p>Everything for the working musician.</p>
<div class="grid"><div class="card"></div><div class="card"></div><div class="card"></div><div class="card"></div><div class="card"></div><div class="card"></div></div>
<p><a href="/?ws=${ws}&amp;page=2">Another page</a></p></main>
<script src="/widget/loader.js" data-workspace="${ws}" async></script>
</body></html>`;

export interface FakeServer {
  url: string;
  http: HttpServer;
  /** The conversation of the (only) visitor, for the driver to poke at. */
  latest(): Conversation;
  setQueue(position: number | null): void;
  askEmail(): void;
  assign(agentName: string): void;
  agentSays(body: string): void;
  /** Until turned off, sends are stored but not acknowledged (a lost ack). */
  swallowAcks(on: boolean): void;
  /** Drops the visitor's connection as a network failure would (the client reconnects). */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startFakeServer(port = 0): Promise<FakeServer> {
  const byToken = new Map<string, Conversation>();
  let last: Conversation | undefined;
  let swallow = false;

  const http = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('Access-Control-Allow-Origin', '*');
    const config = url.pathname.match(/^\/api\/widget\/([^/]+)\/config$/);
    if (config) {
      const c = WORKSPACES[config[1]];
      res
        .writeHead(c ? 200 : 404, { 'content-type': 'application/json' })
        .end(JSON.stringify(c ?? { error: 'not found' }));
    } else if (/^\/widget\/(loader|chat)\.js$/.test(url.pathname)) {
      try {
        const body = await readFile(dist + url.pathname.slice('/widget/'.length));
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }).end(body);
      } catch {
        res.writeHead(404).end('build the widget first: npx vite build -c widget/vite.config.ts');
      }
    } else if (url.pathname === '/') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page(url.searchParams.get('ws') ?? Object.keys(WORKSPACES)[0]));
    } else res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
  });

  const io = new Server(http, { cors: { origin: '*' } });
  const visitors = io.of('/visitor');

  const push = (
    c: Conversation,
    m: Omit<WireMessage, 'id' | 'seq' | 'conversationId' | 'createdAt'>,
    quiet = false,
  ) => {
    const msg: WireMessage = {
      ...m,
      id: randomUUID(),
      seq: c.messages.length + 1,
      conversationId: 'conv-1',
      createdAt: new Date().toISOString(),
    };
    c.messages.push(msg);
    if (!quiet) for (const s of c.sockets) s.emit('message', msg);
    return msg;
  };
  const setState = (c: Conversation, patch: Partial<VisitorState>) => {
    c.state = { ...c.state, ...patch };
    for (const s of c.sockets) s.emit('state', c.state);
  };
  const typing = (c: Conversation, name: string, on: boolean) => {
    for (const s of c.sockets) s.emit('typing', { name, typing: on });
  };

  visitors.on('connection', (socket) => {
    const { workspaceId, token } = socket.handshake.auth as { workspaceId: string; token?: string };
    const config = WORKSPACES[workspaceId];
    let c = token ? byToken.get(token) : undefined;
    if (!c) {
      c = {
        token: randomUUID(),
        messages: [],
        sockets: new Set(),
        state: {
          conversationId: null,
          status: 'bot',
          queuePosition: null,
          agentName: null,
          agentsOnline: true,
          withinHours: true,
          askEmail: false,
          contactEmail: null,
        },
      };
      byToken.set(c.token, c);
    }
    const conv = c;
    last = conv;
    conv.sockets.add(socket);
    socket.on('disconnect', () => conv.sockets.delete(socket));
    const session: VisitorSession = {
      token: conv.token,
      visitorId: 'v-1',
      state: conv.state,
      lastSeq: conv.messages.length,
    };
    socket.emit('session', session);

    socket.on('sync', ({ afterSeq }: { afterSeq: number }, ack: (a: Ack<WireMessage[]>) => void) => {
      ack({ ok: true, data: conv.messages.filter((m) => m.seq > afterSeq) });
    });

    socket.on('send', ({ clientId, body }: { clientId: string; body: string }, ack: (a: Ack<WireMessage>) => void) => {
      if (body.trim().length > MAX_BODY)
        return ack({
          ok: false,
          error: { code: 'validation', message: `message is longer than ${MAX_BODY} characters` },
        });
      const seen = conv.messages.find((m) => m.clientId === clientId && m.author.type === 'visitor');
      const msg =
        seen ??
        push(
          conv,
          { clientId, author: { type: 'visitor', name: null }, kind: 'text', body: body.trim(), meta: {} },
          swallow,
        );
      if (swallow) return;
      ack({ ok: true, data: msg });
      if (seen || conv.state.status !== 'bot') return;
      setTimeout(() => typing(conv, config.botName, true), 300);
      setTimeout(() => {
        typing(conv, config.botName, false);
        const refund = /refund|return|broken/i.test(body);
        push(conv, {
          clientId: randomUUID(),
          author: { type: 'bot', name: null },
          kind: 'text',
          body: refund
            ? 'You can return unused gear within 30 days for a full refund. For a damaged instrument, a person from the team should look at it — want me to hand you over?'
            : 'Standard delivery takes 2–4 working days; orders placed before 2 pm ship the same day. You can follow your parcel from the link in your confirmation email.',
          meta: {
            citations: refund
              ? [{ chunkId: 'k3', title: 'Returns & refunds', url: 'https://example.com/returns' }]
              : [
                  { chunkId: 'k1', title: 'Shipping & delivery', url: 'https://example.com/shipping' },
                  { chunkId: 'k2', title: 'Order tracking FAQ', url: null },
                ],
            suggestHandoff: refund,
          },
        });
      }, 1200);
    });

    socket.on('handoff', (_: unknown, ack: (a: Ack<VisitorState>) => void) => {
      push(conv, {
        clientId: randomUUID(),
        author: { type: 'system', name: null },
        kind: 'event',
        body: '',
        meta: { event: 'handoff.created', reason: 'customer_request' },
      });
      setState(conv, { status: 'waiting', queuePosition: 2 });
      ack({ ok: true, data: conv.state });
    });

    socket.on('contact', ({ email }: { email?: string }, ack: (a: Ack<VisitorState>) => void) => {
      if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        return ack({ ok: false, error: { code: 'validation', message: 'enter a valid email address' } });
      setState(conv, { contactEmail: email });
      ack({ ok: true, data: conv.state });
    });

    socket.on('typing', () => {});
  });

  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const latest = () => {
    if (!last) throw new Error('no visitor yet');
    return last;
  };

  return {
    url,
    http,
    latest,
    setQueue: (queuePosition) => setState(latest(), { queuePosition }),
    askEmail: () => setState(latest(), { agentsOnline: false, askEmail: true, queuePosition: null }),
    assign(agentName) {
      const c = latest();
      push(c, {
        clientId: randomUUID(),
        author: { type: 'system', name: null },
        kind: 'event',
        body: `${agentName} joined the chat`,
        meta: { event: 'conversation.assigned', agentName },
      });
      setState(c, { status: 'human', agentName, queuePosition: null, askEmail: false, agentsOnline: true });
    },
    agentSays(body) {
      const c = latest();
      push(c, {
        clientId: randomUUID(),
        author: { type: 'agent', name: c.state.agentName },
        kind: 'text',
        body,
        meta: {},
      });
    },
    swallowAcks: (on) => void (swallow = on),
    dropConnections: () => {
      for (const s of latest().sockets) s.conn.close();
    },
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
