/**
 * Relays to the other instances the events that make cached configuration stale (`makesStale`:
 * a settings, tags or webhooks change, an agent's tag correction, a member's presence), over
 * Socket.IO's PostgreSQL adapter. There they are published on the bus for the handlers that asked
 * for events from elsewhere (the caches), so a change made on one instance takes effect on all at
 * once.
 */
import type { Server } from 'socket.io';
import { makesStale, STALE_ON } from '../commands/cached';
import type { EventBus, StoredEvent } from '../events/bus';

const RELAY = 'chatref:event';

type Relayed = Omit<StoredEvent, 'createdAt' | 'message'> & { createdAt: string };

export function relayAcrossInstances(io: Server, bus: EventBus): () => void {
  const offs = STALE_ON.map((name) =>
    bus.on(name, (e) => {
      if (!makesStale(e)) return;
      const { message: _inProcessOnly, ...event } = e;
      io.serverSideEmit(RELAY, { ...event, createdAt: e.createdAt.toISOString() } satisfies Relayed);
    }),
  );
  const receive = (e: Relayed) => {
    if (!e || !STALE_ON.includes(e.name) || typeof e.workspaceId !== 'string') return;
    bus.publish({ ...e, createdAt: new Date(e.createdAt) }, 'elsewhere');
  };
  io.on(RELAY, receive);
  return () => {
    for (const off of offs) off();
    io.off(RELAY, receive);
  };
}
