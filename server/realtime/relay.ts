/**
 * Relays to the other instances the events that make cached configuration stale (`makesStale`:
 * a settings, tags or webhooks change, an agent's tag correction, a member's presence), over
 * Socket.IO's PostgreSQL adapter. There they are published on the bus for the handlers that asked
 * for events from elsewhere (the caches), so a change made on one instance takes effect on all at
 * once.
 */
import type { Server } from 'socket.io';
import { makesStale } from '../commands/cached';
import type { EventBus, StoredEvent } from '../events/bus';

const RELAY = 'chatref:event';

type Relayed = Omit<StoredEvent, 'createdAt' | 'message' | 'secret'> & { createdAt: string };

export function relayAcrossInstances(io: Server, bus: EventBus): () => void {
  const off = bus.on('*', (e) => {
    if (!makesStale(e)) return;
    const { message: _inProcessOnly, secret: _neverRelayed, ...event } = e;
    io.serverSideEmit(RELAY, { ...event, createdAt: e.createdAt.toISOString() } satisfies Relayed);
  });
  const receive = (e: Relayed) => {
    if (typeof e?.workspaceId !== 'string' || typeof e.data !== 'object' || !e.data) return;
    const event: StoredEvent = { ...e, createdAt: new Date(e.createdAt) };
    if (makesStale(event)) bus.publish(event, 'elsewhere');
  };
  io.on(RELAY, receive);
  return () => {
    off();
    io.off(RELAY, receive);
  };
}
