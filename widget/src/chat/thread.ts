/**
 * The visitor's thread as the widget holds it: stored messages ordered by their per-conversation
 * sequence number, then the visitor's own messages that are not yet acknowledged. Every way a
 * message can arrive (the ack of a send, a live `message` push, a `sync` after reconnecting) goes
 * through `merge`, so a message is never shown twice and never lost.
 */
import type { WireMessage } from '../../../protocol/socket';

export interface ThreadMessage extends WireMessage {
  /**
   * A visitor message shown before its stored copy arrived (seq is 0): `pending` until the server
   * acknowledged it, `sent` when acknowledged without a copy.
   */
  local?: 'pending' | 'sent';
}

/** A visitor message the server has not acknowledged yet. */
export function pendingMessage(clientId: string, body: string, now = new Date()): ThreadMessage {
  return {
    id: '',
    conversationId: '',
    seq: 0,
    clientId,
    author: { type: 'visitor', name: null },
    kind: 'text',
    body,
    createdAt: now.toISOString(),
    meta: {},
    local: 'pending',
  };
}

const sameMessage = (a: ThreadMessage, b: WireMessage): boolean =>
  (a.id !== '' && a.id === b.id) ||
  (a.author.type === 'visitor' && b.author.type === 'visitor' && a.clientId === b.clientId);

/**
 * Returns a new thread with `incoming` merged in: a stored copy replaces the pending one with the
 * same clientId, a message already held (same id) is kept once, and stored messages sort by seq.
 */
export function merge(thread: readonly ThreadMessage[], incoming: readonly WireMessage[]): ThreadMessage[] {
  const out = thread.slice();
  for (const m of incoming) {
    if (!m || typeof m.seq !== 'number') continue;
    const i = out.findIndex((t) => sameMessage(t, m));
    if (i === -1) out.push(m);
    else if (out[i].seq === 0) out[i] = m;
  }
  const stored = out.filter((t) => t.seq > 0).sort((a, b) => a.seq - b.seq);
  return stored.concat(out.filter((t) => t.seq === 0));
}

/** The highest sequence number held: what to ask for after on (re)connecting. */
export const lastSeq = (thread: readonly ThreadMessage[]): number => thread.reduce((max, t) => Math.max(max, t.seq), 0);

/** Drops a local message (its send was refused). */
export const withoutLocal = (thread: readonly ThreadMessage[], clientId: string): ThreadMessage[] =>
  thread.filter((t) => !(t.local && t.clientId === clientId));

/** Marks a local message acknowledged when the ack carried no stored copy to merge. */
export const markSent = (thread: readonly ThreadMessage[], clientId: string): ThreadMessage[] =>
  thread.map((t) => (t.local === 'pending' && t.clientId === clientId ? { ...t, local: 'sent' } : t));
