/**
 * A scripted visitor for checks: connects to `/visitor` like the widget does, writes, asks for a
 * person, and types. Used by `check.ts`; also handy by hand:
 *   npx tsx dashboard/dev/visitor.ts http://localhost:3210 WORKSPACE_ID "I need a custom kit quote"
 */
import { io, type Socket } from 'socket.io-client';

export interface Visitor {
  socket: Socket;
  say: (body: string) => Promise<unknown>;
  handoff: () => Promise<unknown>;
  typing: (typing: boolean) => Promise<unknown>;
  close: () => void;
}

const ack = (s: Socket, event: string, payload: unknown) =>
  new Promise((resolve, reject) => {
    s.timeout(15_000).emit(event, payload, (err: Error | null, res: { ok: boolean; error?: { message: string } }) => {
      if (err) reject(err);
      else if (!res.ok) reject(new Error(res.error?.message ?? 'refused'));
      else resolve(res);
    });
  });

export async function visitor(origin: string, workspaceId: string): Promise<Visitor> {
  const socket = io(`${origin}/visitor`, {
    auth: { workspaceId },
    transports: ['websocket'],
    extraHeaders: { origin },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('session', () => resolve());
    socket.once('connect_error', reject);
  });
  let n = 0;
  return {
    socket,
    say: (body) => ack(socket, 'send', { clientId: `check-${Date.now()}-${n++}`, body }),
    handoff: () => ack(socket, 'handoff', {}),
    typing: (typing) => ack(socket, 'typing', { typing }),
    close: () => socket.close(),
  };
}

if (process.argv[1]?.endsWith('visitor.ts')) {
  const [origin = 'http://localhost:3210', ws, text = 'Can I talk to a person please?'] = process.argv.slice(2);
  if (!ws) throw new Error('usage: visitor.ts ORIGIN WORKSPACE_ID [TEXT]');
  const v = await visitor(origin, ws);
  await v.say(text);
  await v.handoff();
  v.close();
}
