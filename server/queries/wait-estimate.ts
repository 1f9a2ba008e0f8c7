/**
 * An honest wait for the visitor: how long the team actually took to first answer its recent
 * handoffs (the median of the last ones, read from the event log), scaled by the visitor's place in
 * line over the people online. No history yet: no number, rather than a made-up one.
 */
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { events } from '../../db/schema';

/** Handoffs looked at, and how far back. */
const RECENT = 30;
const WINDOW_MS = 14 * 86_400_000;
/** Read again at most this often per workspace (waiting visitors are told on every queue move). */
const TTL_MS = 30_000;

const cache = new Map<string, { at: number; value: number | null }>();

/** The median first-response time (seconds) of the workspace's recent handoffs, or null without any. */
export async function typicalFirstResponseS(db: Queryable, workspaceId: string, now: Date): Promise<number | null> {
  const hit = cache.get(workspaceId);
  if (hit && now.getTime() - hit.at < TTL_MS && hit.at <= now.getTime()) return hit.value;
  const handoffs = await db
    .select({ id: events.id, conversationId: events.conversationId, at: events.createdAt })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        eq(events.name, 'handoff.created'),
        gt(events.createdAt, new Date(now.getTime() - WINDOW_MS)),
      ),
    )
    .orderBy(desc(events.id))
    .limit(RECENT);
  let value: number | null = null;
  const ids = [...new Set(handoffs.map((h) => h.conversationId).filter((c): c is string => !!c))];
  if (ids.length) {
    const replies = await db
      .select({ id: events.id, conversationId: events.conversationId, at: events.createdAt, data: events.data })
      .from(events)
      .where(
        and(
          eq(events.workspaceId, workspaceId),
          eq(events.name, 'message.created'),
          eq(events.actorType, 'user'),
          inArray(events.conversationId, ids),
          gt(events.id, Math.min(...handoffs.map((h) => h.id))),
        ),
      )
      .orderBy(events.id);
    const waits: number[] = [];
    for (const h of handoffs) {
      const first = replies.find((r) => r.conversationId === h.conversationId && r.id > h.id && r.data.kind === 'text');
      if (first) waits.push((first.at.getTime() - h.at.getTime()) / 1000);
    }
    value = median(waits);
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(workspaceId, { at: now.getTime(), value });
  return value;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The estimate for the `position`-th in line with `online` people answering: each of them takes
 * one chat at a time, so the visitor waits about ceil(position / online) typical first responses.
 */
export function estimateWaitS(typicalS: number | null, position: number | null, online: number): number | null {
  if (typicalS === null || !position) return null;
  return Math.max(30, Math.round(typicalS * Math.ceil(position / Math.max(1, online))));
}
