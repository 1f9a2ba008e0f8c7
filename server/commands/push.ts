/**
 * Web Push's writes: the installation's VAPID keys (made once, shared by every instance), a
 * member's devices (push subscriptions) and alert preferences.
 */
import { and, eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Queryable } from '../../db/client';
import { alertPreferences, instanceSettings, pushSubscriptions } from '../../db/schema';
import { AlertPrefs } from '../domain/alert-prefs';
import { AppError } from '../errors';
import { unitOfWork, type Deps } from './unit';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The VAPID key pair: the configured one, else the stored one, else a new pair stored for good
 * (insert-if-absent, then read: two instances starting at once end up with the same pair).
 */
export async function vapidKeys(db: Queryable, configured: VapidKeys | null): Promise<VapidKeys> {
  if (configured) return configured;
  const key = 'vapid_keys';
  const read = async () => (await db.select().from(instanceSettings).where(eq(instanceSettings.key, key)))[0];
  let row = await read();
  if (!row) {
    const fresh = webpush.generateVAPIDKeys();
    await db
      .insert(instanceSettings)
      .values({ key, value: JSON.stringify({ publicKey: fresh.publicKey, privateKey: fresh.privateKey }) })
      .onConflictDoNothing();
    row = await read();
  }
  return JSON.parse(row.value) as VapidKeys;
}

export interface NewSubscription {
  workspaceId: string;
  userId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  userAgent?: string | null;
}

/** Stores a device's subscription for the member (the same endpoint again: updated, moved to them). */
export async function subscribePush(deps: Deps, sub: NewSubscription) {
  return unitOfWork(deps, async (tx, record) => {
    const values = {
      workspaceId: sub.workspaceId,
      userId: sub.userId,
      endpoint: sub.endpoint,
      p256dh: sub.keys.p256dh,
      auth: sub.keys.auth,
      userAgent: sub.userAgent ?? null,
    };
    const [row] = await tx
      .insert(pushSubscriptions)
      .values(values)
      .onConflictDoUpdate({ target: [pushSubscriptions.workspaceId, pushSubscriptions.endpoint], set: values })
      .returning();
    await record({
      workspaceId: sub.workspaceId,
      name: 'push.subscribed',
      actorType: 'user',
      actorId: sub.userId,
      data: { userId: sub.userId, subscriptionId: row.id },
    });
    return row;
  });
}

/** Turns push off for one of the member's devices; unknown endpoints are "not found". */
export async function unsubscribePush(deps: Deps, p: { workspaceId: string; userId: string; endpoint: string }) {
  return unitOfWork(deps, async (tx, record) => {
    const gone = await tx
      .delete(pushSubscriptions)
      .where(
        and(
          eq(pushSubscriptions.workspaceId, p.workspaceId),
          eq(pushSubscriptions.userId, p.userId),
          eq(pushSubscriptions.endpoint, p.endpoint),
        ),
      )
      .returning({ id: pushSubscriptions.id });
    if (!gone.length) throw new AppError('not_found', 'no push subscription for this device');
    await record({
      workspaceId: p.workspaceId,
      name: 'push.unsubscribed',
      actorType: 'user',
      actorId: p.userId,
      data: { userId: p.userId, subscriptionId: gone[0].id },
    });
  });
}

/** The push service said the subscription is gone (404/410): forget it, quietly. */
export async function dropExpiredSubscription(deps: Deps, subscriptionId: string): Promise<void> {
  await deps.db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId));
}

/** Saves the member's alert preferences (sections merge with what is stored). */
export async function updateAlertPrefs(
  deps: Deps,
  p: { workspaceId: string; userId: string; patch: Record<string, unknown> },
): Promise<AlertPrefs> {
  return unitOfWork(deps, async (tx, record) => {
    const [current] = await tx
      .select({ prefs: alertPreferences.prefs })
      .from(alertPreferences)
      .where(and(eq(alertPreferences.workspaceId, p.workspaceId), eq(alertPreferences.userId, p.userId)));
    const stored = AlertPrefs.parse(current?.prefs ?? {}) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...stored };
    for (const [k, v] of Object.entries(p.patch))
      merged[k] = v && typeof v === 'object' && !Array.isArray(v) ? { ...(stored[k] as object), ...v } : v;
    const parsed = AlertPrefs.safeParse(merged);
    if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues.map((i) => i.message).join('; '));
    await tx
      .insert(alertPreferences)
      .values({ workspaceId: p.workspaceId, userId: p.userId, prefs: parsed.data, updatedAt: deps.now() })
      .onConflictDoUpdate({
        target: [alertPreferences.workspaceId, alertPreferences.userId],
        set: { prefs: parsed.data, updatedAt: deps.now() },
      });
    await record({
      workspaceId: p.workspaceId,
      name: 'alert.preferences.updated',
      actorType: 'user',
      actorId: p.userId,
      data: { userId: p.userId },
    });
    return parsed.data;
  });
}
