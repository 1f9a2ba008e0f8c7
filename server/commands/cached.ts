/**
 * Reads that every message needs but that rarely change — a workspace's settings and how many of
 * its members are online, its topic tags with the agents' corrections, its active webhooks — kept
 * in memory per workspace.
 *
 * A change drops the entry at once (`workspace.updated`, `agent.presence`, an agent's tag
 * correction), whether made here or on another instance on the same PostgreSQL database (those
 * events are relayed: server/realtime/relay.ts). Should a relay be lost, entries are still read
 * again once `CACHE_TTL_MS` old: the first use after that starts the read and is answered from the
 * entry as it was (stale-while-revalidate), so no message waits on a read every few seconds.
 */
import { eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { workspaces } from '../../db/schema';
import type { EventName } from '../../protocol/events';
import { readSettings, type WorkspaceSettings } from '../domain/settings';
import type { StoredEvent } from '../events/bus';
import { changesAccess } from '../domain/access';
import { agentsOnline } from '../queries/queue';
import type { Deps } from './unit';

export const CACHE_TTL_MS = 5000;

/** An agent's tag correction, which teaches the tagger (an automatic tag teaches it nothing). */
export const isTagCorrection = (e: StoredEvent): boolean =>
  e.name === 'conversation.untagged' || (e.name === 'conversation.tagged' && e.data.source === 'manual');

/** Does this event make some cached entry stale? Other instances get these relayed. */
export const makesStale = (e: StoredEvent): boolean =>
  e.name === 'workspace.updated' || e.name === 'agent.presence' || isTagCorrection(e) || changesAccess(e);

/** What changed in a workspace (the `part` of a `workspace.updated` event). */
export type WorkspacePart = 'settings' | 'tags' | 'webhooks' | 'canned';

export class WorkspaceCache<T extends object> {
  private readonly lru: LRUCache<string, T>;

  /**
   * `load` reads the value from the database; `dropOn` says which committed events make it stale.
   * Call `stop` (returned by `start`) to unsubscribe.
   */
  constructor(
    load: (workspaceId: string) => Promise<T>,
    private readonly dropOn: (e: StoredEvent) => boolean,
    opts: { ttlMs?: number; max?: number } = {},
  ) {
    this.lru = new LRUCache<string, T>({
      max: opts.max ?? 1000,
      ttl: opts.ttlMs ?? CACHE_TTL_MS,
      // An expired entry answers while it is read again; a dropped one is gone at once.
      allowStale: true,
      fetchMethod: (workspaceId) => load(workspaceId),
    });
  }

  /** Subscribes to the events that make entries stale; returns the unsubscribe function. */
  start(deps: Pick<Deps, 'bus'>): () => void {
    return deps.bus.on(
      '*',
      (e) => {
        if (this.dropOn(e)) this.drop(e.workspaceId);
      },
      { elsewhere: true },
    );
  }

  async get(workspaceId: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.lru.fetch(workspaceId)) as T;
      } catch (err) {
        // A load under way when the entry was dropped is abandoned (it may have read the value
        // from before the change): read again.
        if (attempt === 3 || !(err instanceof Error && ['deleted', 'evicted', 'replaced'].includes(err.message)))
          throw err;
      }
    }
  }

  /**
   * Whether `get` answers from memory now: loaded and not dropped since. An expired entry still
   * answers, and is read again in the background.
   */
  has(workspaceId: string): boolean {
    if (this.lru.has(workspaceId)) return true;
    if (this.lru.peek(workspaceId, { allowStale: true }) === undefined) return false;
    // Failures are the next `get`'s to report: a failed read drops the entry.
    this.get(workspaceId).catch(() => {});
    return true;
  }

  drop(workspaceId: string): void {
    this.lru.delete(workspaceId);
  }
}

/** A `dropOn` for events that change one part of a workspace's configuration. */
export const onPartChanged =
  (...parts: WorkspacePart[]) =>
  (e: StoredEvent): boolean =>
    e.name === ('workspace.updated' satisfies EventName) && parts.includes(e.data.part as WorkspacePart);

export interface WorkspaceConfig {
  exists: boolean;
  settings: WorkspaceSettings;
  /** Members online now (what every visitor's state shows: can a person answer?). */
  agentsOnline: number;
  /** Whether this server can send email (CHATREF_SMTP_URL): only then is a reply by email promised. */
  mails: boolean;
}

/** Each workspace's settings and who is online (with `exists: false` for an id that names no workspace). */
export function settingsCache(
  deps: Pick<Deps, 'db'>,
  { ttlMs, mails = false }: { ttlMs?: number; mails?: boolean } = {},
): WorkspaceCache<WorkspaceConfig> {
  return new WorkspaceCache<WorkspaceConfig>(
    async (workspaceId) => {
      const [w] = await deps.db
        .select({ settings: workspaces.settings })
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId));
      const online = w ? await agentsOnline(deps.db, workspaceId) : 0;
      return { exists: !!w, settings: readSettings(w?.settings), agentsOnline: online, mails };
    },
    (e) => onPartChanged('settings')(e) || e.name === 'agent.presence',
    { ttlMs },
  );
}
