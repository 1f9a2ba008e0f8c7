/**
 * What Get started's steps read besides the workspace's content: where the widget was last loaded
 * from ("check installation"), and whether someone tried the assistant.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { widgetSightings, workspaces } from '../../db/schema';
import type { Deps } from './unit';

const EVERY_MS = 60_000;
const recent = new Map<string, number>();

/** The page's origin from a request's Origin header, else its Referer; null when neither is a web origin. */
export function pageOrigin(headers: { origin?: string; referer?: string }): string | null {
  for (const value of [headers.origin, headers.referer]) {
    if (!value) continue;
    try {
      const u = new URL(value);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
    } catch {
      // not a URL: try the next header
    }
  }
  return null;
}

/**
 * Records that the widget ran on `origin` now. Every page view fetches the widget's config, so
 * writes are kept to one a minute per workspace and origin.
 */
export async function recordWidgetSighting(deps: Deps, workspaceId: string, origin: string): Promise<void> {
  const key = `${workspaceId} ${origin}`;
  const now = deps.now();
  if (now.getTime() - (recent.get(key) ?? -Infinity) < EVERY_MS) return;
  if (recent.size > 10_000) recent.clear();
  recent.set(key, now.getTime());
  await deps.db
    .insert(widgetSightings)
    .values({ workspaceId, origin: origin.slice(0, 200), lastSeenAt: now })
    .onConflictDoUpdate({ target: [widgetSightings.workspaceId, widgetSightings.origin], set: { lastSeenAt: now } });
}

/** Records that someone tried the assistant (Get started's step); the first time only. */
export async function markAssistantTried(deps: Deps, workspaceId: string): Promise<void> {
  await deps.db
    .update(workspaces)
    .set({ assistantTriedAt: deps.now() })
    .where(and(eq(workspaces.id, workspaceId), isNull(workspaces.assistantTriedAt)));
}
