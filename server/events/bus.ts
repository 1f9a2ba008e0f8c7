/**
 * In-process publication of committed events. Processors (realtime fan-out, routing, webhooks)
 * subscribe by event name; they only ever see events whose transaction has committed.
 */
import type { events, messages } from '../../db/schema';
import type { EventName } from '../../protocol/events';

export type StoredEvent = Omit<typeof events.$inferSelect, 'name'> & {
  name: EventName;
  /** The stored message a `message.created` is about, when its writer had it at hand (in process only). */
  message?: typeof messages.$inferSelect;
};
export type EventHandler = (event: StoredEvent) => void | Promise<void>;

export class EventBus {
  private readonly handlers = new Map<EventName | '*', Set<EventHandler>>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (err: unknown, event: StoredEvent) => void = () => {}) {}

  /** Subscribes to one event name, or to all with '*'; returns the unsubscribe function. */
  on(name: EventName | '*', handler: EventHandler): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  /** Runs the handlers without letting one's failure stop the others or the caller. */
  publish(event: StoredEvent): void {
    const handlers = [...(this.handlers.get(event.name) ?? []), ...(this.handlers.get('*') ?? [])];
    for (const h of handlers) {
      const p = Promise.resolve()
        .then(() => h(event))
        .catch((err: unknown) => this.onError(err, event))
        .finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  /** Resolves when every handler started so far has finished (for tests and graceful shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
