/**
 * A bounded crowd of visitors writing to a server process, keeping the books a fault test needs:
 * which messages were acknowledged (stored, says the server) and which were still in flight.
 */
import { expect } from 'vitest';
import type { WireMessage } from '../../protocol/socket';
import type { ServerProcess } from '../process';
import { inLanes, openVisitor, type RemoteVisitor } from './remote';

const QUESTIONS = [
  'How long does shipping take?',
  'Do you offer guitar lessons?',
  'Are you open on Sunday?',
  'What is your return policy?',
  'Do you sell gift cards?',
];

export interface Writer {
  index: number;
  ip: string;
  token: string;
  visitorId: string;
  visitor: RemoteVisitor;
  /** clientId → the stored message the ack carried. */
  acked: Map<string, WireMessage>;
  /** clientId → body, sent and not (yet) acknowledged. */
  inFlight: Map<string, string>;
  n: number;
}

export const ipOf = (i: number): string => `10.77.${(i >> 8) & 255}.${i & 255}`;

/** Opens `count` visitors, 20 at a time. */
export async function openWriters(url: string, workspaceId: string, count: number): Promise<Writer[]> {
  return inLanes(
    Array.from({ length: count }, (_, i) => i),
    20,
    async (index) => {
      const visitor = await openVisitor(url, workspaceId, { ip: ipOf(index) });
      return {
        index,
        ip: ipOf(index),
        token: visitor.session.token,
        visitorId: visitor.session.visitorId,
        visitor,
        acked: new Map(),
        inFlight: new Map(),
        n: 0,
      };
    },
  );
}

/**
 * Every writer sends, waits for the ack, pauses, and again, until `stop()`; a message whose ack
 * does not come (error, lost connection) stays in flight, to be retried with the same clientId.
 * The default pause keeps each visitor under the server's 20 events per 10 s.
 */
export function chatter(writers: Writer[], pauseMs = 700): { totalAcked: () => number; stop: () => Promise<void> } {
  let stopped = false;
  const loops = writers.map(async (w) => {
    await new Promise((r) => setTimeout(r, Math.random() * pauseMs));
    while (!stopped && w.visitor.socket.connected) {
      const clientId = `w${w.index}-${++w.n}`;
      const body = `${QUESTIONS[(w.index + w.n) % QUESTIONS.length]} (#${w.n})`;
      w.inFlight.set(clientId, body);
      const ack = await w.visitor.send(clientId, body, 5000);
      if (ack.ok) {
        w.inFlight.delete(clientId);
        w.acked.set(clientId, ack.data);
      }
      await new Promise((r) => setTimeout(r, pauseMs / 2 + Math.random() * pauseMs));
    }
  });
  return {
    totalAcked: () => writers.reduce((s, w) => s + w.acked.size, 0),
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** Whether a server process is still running (a killed one has a signal, not an exit code). */
export const running = (p: ServerProcess): boolean => p.child.exitCode === null && p.child.signalCode === null;

/** Resolves once `cond` holds, polling; throws after `ms`. */
export async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The writer's conversation as the server has it: every acknowledged message exactly once (same
 * id and seq as its ack), no clientId stored twice, sequence numbers unique and increasing.
 */
export function expectExactlyOnce(w: Writer, stored: WireMessage[]): void {
  const seqs = stored.map((m) => m.seq);
  expect(new Set(seqs).size, `writer ${w.index}: duplicate seq`).toBe(seqs.length);
  expect(
    [...seqs].sort((a, b) => a - b),
    `writer ${w.index}: seqs out of order`,
  ).toEqual(seqs);
  const mine = stored.filter((m) => m.author.type === 'visitor');
  const byClientId = new Map<string, WireMessage[]>();
  for (const m of mine) byClientId.set(m.clientId, [...(byClientId.get(m.clientId) ?? []), m]);
  for (const [clientId, list] of byClientId)
    expect(list.length, `writer ${w.index}: ${clientId} stored ${list.length} times`).toBe(1);
  for (const [clientId, ack] of w.acked) {
    const found = byClientId.get(clientId)?.[0];
    expect(found, `writer ${w.index}: acknowledged ${clientId} is missing`).toBeDefined();
    expect(found && { id: found.id, seq: found.seq }).toEqual({ id: ack.id, seq: ack.seq });
  }
}

/** Retries what was in flight (same clientId, as the widget does), then sends one new message. */
export async function resume(w: Writer, visitor: RemoteVisitor): Promise<void> {
  w.visitor = visitor;
  for (const [clientId, body] of [...w.inFlight]) {
    const ack = await visitor.send(clientId, body);
    expect(ack.ok, `writer ${w.index}: retry of ${clientId}: ${JSON.stringify(ack)}`).toBe(true);
    if (ack.ok) {
      w.inFlight.delete(clientId);
      w.acked.set(clientId, ack.data);
    }
  }
  const clientId = `w${w.index}-after`;
  const ack = await visitor.send(clientId, 'Thanks, one more question: do you ship abroad?');
  expect(ack.ok, `writer ${w.index}: new message after the fault: ${JSON.stringify(ack)}`).toBe(true);
  if (ack.ok) w.acked.set(clientId, ack.data);
}
