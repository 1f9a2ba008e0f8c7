/**
 * A unit of work: one transaction whose events are written with it and published after it commits.
 */
import type { Db, Tx } from '../../db/client';
import { events } from '../../db/schema';
import type { EventName } from '../../protocol/events';
import type { EventBus, StoredEvent } from '../events/bus';

export interface Deps {
  db: Db;
  bus: EventBus;
  /** Injected so time-dependent rules can be tested with a simulated clock. */
  now: () => Date;
}

export interface NewEvent {
  workspaceId: string;
  name: EventName;
  conversationId?: string | null;
  actorType: StoredEvent['actorType'];
  actorId?: string | null;
  data?: Record<string, unknown>;
  /** Handed to this process's subscribers with the event, not stored (see StoredEvent.message). */
  message?: StoredEvent['message'];
  /** Handed to this process's subscribers, never stored nor relayed (see StoredEvent.secret). */
  secret?: string;
}

/** Writes an event in the unit's transaction. */
export interface Record_ {
  (event: NewEvent): Promise<StoredEvent>;
  /** An event the transaction already wrote in a statement of its own (see storeMessage): published the same way. */
  written(event: StoredEvent): void;
}

/** Runs `fn` in a transaction; the events it records are published only once the transaction commits. */
export async function unitOfWork<T>(deps: Deps, fn: (tx: Tx, record: Record_) => Promise<T>): Promise<T> {
  const recorded: StoredEvent[] = [];
  const result = await deps.db.transaction(async (tx) => {
    const write = async ({ message, secret, ...e }: NewEvent) => {
      const [row] = await tx
        .insert(events)
        .values({ ...e, data: e.data ?? {}, createdAt: deps.now() })
        .returning();
      const stored: StoredEvent = {
        ...(row as StoredEvent),
        ...(message ? { message } : {}),
        ...(secret ? { secret } : {}),
      };
      recorded.push(stored);
      return stored;
    };
    return fn(tx, Object.assign(write, { written: (e: StoredEvent) => void recorded.push(e) }));
  });
  for (const e of recorded) deps.bus.publish(e);
  return result;
}

/** True when a database error is a unique-constraint violation (on either driver). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  let e: unknown = err;
  // Drizzle wraps driver errors; the PostgreSQL error is the cause.
  for (let depth = 0; e && depth < 4; depth++) {
    const x = e as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (x.code === '23505') return !constraint || x.constraint === constraint || !!x.message?.includes(constraint);
    e = x.cause;
  }
  return false;
}
