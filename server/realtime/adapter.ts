/**
 * Socket.IO's PostgreSQL adapter, minus its cost when this instance is the only one.
 *
 * The adapter sends every broadcast, room join and server-side emit to the other instances with
 * `pg_notify`, and a broadcast waits for that statement before it reaches this instance's own
 * sockets. With no other instance listening, that was one more statement per emit (several per
 * chat message) and a database round trip in front of every reply. Here an instance that has
 * heard of no other one skips it. Instances find each other through the adapter's own heartbeats
 * (sent every 5 s when nothing else is published, a node dropped after 10 s of silence); those are
 * always sent, and for the first 10 s after start everything is published, before the others could
 * have been heard.
 */
import type { Pool } from 'pg';
import { createAdapter, type PostgresAdapter } from '@socket.io/postgres-adapter';
import { MessageType, type ClusterMessage } from 'socket.io-adapter';

/** The adapter's own discovery traffic: never skipped, or instances could not find each other. */
const DISCOVERY = new Set<MessageType>([
  MessageType.INITIAL_HEARTBEAT,
  MessageType.HEARTBEAT,
  MessageType.ADAPTER_CLOSE,
]);
/** The adapter's `heartbeatTimeout` default: another instance is heard within it. */
const HEARD_WITHIN_MS = 10_000;

interface Internals {
  /** The other instances heard from recently (by the adapter's heartbeats). */
  nodesMap: Map<string, number>;
  /** Room joins, server-side emits …: also restarts the heartbeat timer. */
  publish(message: Omit<ClusterMessage, 'nsp' | 'uid'>): void;
  /** What every message goes through, broadcasts included. */
  doPublish(message: ClusterMessage): Promise<string>;
}

/** `createAdapter(pool)` that does not publish while no other instance is known. */
export function clusterAdapter(pool: Pool, now: () => number = Date.now): ReturnType<typeof createAdapter> {
  const make = createAdapter(pool);
  const startedAt = now();
  // Socket.IO calls this with `new`: a function, not an arrow.
  return function (nsp: Parameters<typeof make>[0]) {
    const adapter: PostgresAdapter = make(nsp);
    const internals = adapter as unknown as Internals;
    const skip = (type: MessageType) =>
      !DISCOVERY.has(type) && internals.nodesMap.size === 0 && now() - startedAt > HEARD_WITHIN_MS;
    // Skipped before `publish` too: it restarts the heartbeat timer, and an instance that kept
    // "publishing" room joins would never send the heartbeat by which others find it again.
    const publish = internals.publish.bind(adapter);
    internals.publish = (message) => (skip(message.type) ? undefined : publish(message));
    const doPublish = internals.doPublish.bind(adapter);
    // "" is the offset the PostgreSQL adapter itself returns (it has no connection-state recovery).
    internals.doPublish = (message) => (skip(message.type) ? Promise.resolve('') : doPublish(message));
    return adapter;
  };
}
