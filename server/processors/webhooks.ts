/**
 * Outbound webhooks: each committed event a webhook subscribes to becomes a delivery row; a worker
 * posts due deliveries, signed with HMAC-SHA256, and retries failures with exponential backoff.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances never send one twice.
 * Deliveries go through the guarded fetcher: a URL at an internal address is never contacted, and
 * its delivery fails with the code BLOCKED_ADDRESS (no status or error of the target to read back).
 */
import { createHmac } from 'node:crypto';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import { blockedAddressIn, publicFetch, type FetchLike } from '../../net/outbound';
import { events, webhookDeliveries, webhooks } from '../../db/schema';
import { WEBHOOK_EVENTS } from '../../protocol/events';
import { onPartChanged, WorkspaceCache } from '../commands/cached';
import type { Deps } from '../commands/unit';
import type { StoredEvent } from '../events/bus';

export const SIGNATURE_HEADER = 'x-chatref-signature';
/** Seconds before attempt n+1 (after n failures); after the last, the delivery is marked failed. */
export const BACKOFF_S = [10, 60, 300, 1800, 7200];

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class Webhooks {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly logger: Logger,
    private readonly opts: {
      intervalMs?: number;
      timeoutMs?: number;
      backoffS?: number[];
      cacheTtlMs?: number;
      /** How deliveries are sent; public addresses only by default. */
      fetch?: FetchLike;
    } = {},
  ) {
    this.hooks = new WorkspaceCache(
      async (workspaceId) => ({
        active: await this.deps.db
          .select()
          .from(webhooks)
          .where(and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.active, true))),
      }),
      onPartChanged('webhooks'),
      { ttlMs: opts.cacheTtlMs },
    );
  }

  start(): () => void {
    const stopCache = this.hooks.start(this.deps);
    const stopListening = this.deps.bus.on('*', async (e) => {
      if ((WEBHOOK_EVENTS as readonly string[]).includes(e.name) && (await this.enqueue(e))) void this.drain();
    });
    const off = () => {
      stopListening();
      stopCache();
    };
    this.timer = setInterval(() => void this.drain(), this.opts.intervalMs ?? 5000);
    this.timer.unref();
    return () => {
      off();
      if (this.timer) clearInterval(this.timer);
    };
  }

  /** Each workspace's active webhooks (read for every message, changed rarely). */
  private readonly hooks: WorkspaceCache<{ active: (typeof webhooks.$inferSelect)[] }>;

  /** Queues a delivery of the event to each webhook subscribed to it; false when there are none. */
  private async enqueue(e: StoredEvent): Promise<boolean> {
    const { active } = await this.hooks.get(e.workspaceId);
    const targets = active.filter((h) => h.events.length === 0 || h.events.includes(e.name));
    if (!targets.length) return false;
    await this.deps.db.insert(webhookDeliveries).values(
      targets.map((h) => ({
        workspaceId: e.workspaceId,
        webhookId: h.id,
        eventId: e.id,
        eventName: e.name,
        nextAttemptAt: this.deps.now(),
      })),
    );
    return true;
  }

  /** Sends every due delivery once; safe to call concurrently (it coalesces). */
  drain(): Promise<void> {
    this.running ??= this.sendDue().finally(() => (this.running = null));
    return this.running;
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      const claimed = await this.deps.db.transaction(async (tx) => {
        const [d] = await tx
          .select()
          .from(webhookDeliveries)
          .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, this.deps.now())))
          .orderBy(asc(webhookDeliveries.nextAttemptAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!d) return null;
        // Push the next attempt out first: if this process dies mid-send, another retries later.
        await tx
          .update(webhookDeliveries)
          .set({ nextAttemptAt: new Date(this.deps.now().getTime() + 60_000) })
          .where(eq(webhookDeliveries.id, d.id));
        return d;
      });
      if (!claimed) return;
      await this.send(claimed);
    }
  }

  private async send(d: typeof webhookDeliveries.$inferSelect): Promise<void> {
    const [hook] = await this.deps.db.select().from(webhooks).where(eq(webhooks.id, d.webhookId));
    if (!hook) return;
    const [event] = await this.deps.db.select().from(events).where(eq(events.id, d.eventId));
    const body = JSON.stringify({
      id: `${d.id}`,
      event: d.eventName,
      workspaceId: d.workspaceId,
      conversationId: event?.conversationId ?? null,
      actor: { type: event?.actorType, id: event?.actorId },
      data: event?.data ?? {},
      createdAt: (event?.createdAt ?? this.deps.now()).toISOString(),
    });
    const ts = Math.floor(this.deps.now().getTime() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    let blocked = false;
    try {
      const res = await (this.opts.fetch ?? publicFetch)(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signPayload(hook.secret, ts, body),
          'x-chatref-event': d.eventName,
          'x-chatref-delivery': d.id,
        },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
        redirect: 'manual',
      });
      status = res.status;
      if (!res.ok) error = `HTTP ${res.status}`;
      // Only the status is kept; an unread body would hold the connection.
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      const refused = blockedAddressIn(err);
      blocked = refused !== null;
      error = refused ? `BLOCKED_ADDRESS: ${refused.message}` : err instanceof Error ? err.message : String(err);
    }
    const attempts = d.attempts + 1;
    const backoff = this.opts.backoffS ?? BACKOFF_S;
    const done = error === null;
    const giveUp = (!done && attempts > backoff.length) || blocked;
    await this.deps.db
      .update(webhookDeliveries)
      .set({
        attempts,
        responseStatus: status,
        lastError: error,
        status: done ? 'delivered' : giveUp ? 'failed' : 'pending',
        nextAttemptAt: new Date(this.deps.now().getTime() + (done || giveUp ? 0 : backoff[attempts - 1] * 1000)),
      })
      .where(eq(webhookDeliveries.id, d.id));
    if (error) this.logger.warn({ webhook: hook.id, attempts, error }, 'webhook delivery failed');
  }
}
