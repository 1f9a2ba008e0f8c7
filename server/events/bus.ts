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
  /** A visitor's message stored with the bot's answer to it (in process only): no turn to run. */
  answered?: boolean;
  /**
   * The connection a visitor's message came from (in process only): its ack carries the message,
   * so the fan-out sends it to the chat's other connections only (the visitor's other tabs).
   */
  origin?: string;
  /** A one-time secret the event is about (an invitation's token, for its email); in process only. */
  secret?: string;
};
export type EventHandler = (event: StoredEvent) => void | Promise<void>;

export class EventBus {
  private readonly handlers = new Map<EventName | '*', Set<{ handler: EventHandler; elsewhere: boolean }>>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly onError: (err: unknown, event: StoredEvent) => void = () => {}) {}

  /**
   * Subscribes to one event name, or to all with '*'; returns the unsubscribe function. With
   * `elsewhere`, the handler also gets the events other instances relay here (see
   * server/realtime/relay.ts): caches want them, side effects (which the recording instance
   * already ran) must not.
   */
  on(name: EventName | '*', handler: EventHandler, opts: { elsewhere?: boolean } = {}): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    const entry = { handler, elsewhere: opts.elsewhere ?? false };
    set.add(entry);
    return () => set.delete(entry);
  }

  /** Runs the handlers without letting one's failure stop the others or the caller. */
  publish(event: StoredEvent, from: 'here' | 'elsewhere' = 'here'): void {
    const entries = [...(this.handlers.get(event.name) ?? []), ...(this.handlers.get('*') ?? [])];
    for (const { handler, elsewhere } of entries) {
      if (from === 'elsewhere' && !elsewhere) continue;
      const p = Promise.resolve()
        .then(() => handler(event))
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
