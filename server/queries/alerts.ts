/** Reads for alerts: who can take a chat, their devices and preferences, who gets the escalation email. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import {
  alertPreferences,
  conversations,
  memberships,
  pushSubscriptions,
  teamMembers,
  users,
  workspaces,
} from '../../db/schema';
import { readAlertPrefs, type AlertPrefs } from '../domain/alert-prefs';
import { readSettings } from '../domain/settings';

/** A member's preferences in a workspace (defaults when never saved). */
export async function alertPrefsOf(db: Queryable, workspaceId: string, userId: string): Promise<AlertPrefs> {
  const [row] = await db
    .select({ prefs: alertPreferences.prefs })
    .from(alertPreferences)
    .where(and(eq(alertPreferences.workspaceId, workspaceId), eq(alertPreferences.userId, userId)));
  return readAlertPrefs(row?.prefs);
}

/** The devices a member enabled push on in a workspace. */
export async function pushDevicesOf(db: Queryable, workspaceId: string, userId: string) {
  return db
    .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, userAgent: pushSubscriptions.userAgent })
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.workspaceId, workspaceId), eq(pushSubscriptions.userId, userId)));
}

/**
 * The members who can take a waiting chat: the routed team's members when a tag routed it to a
 * team (as routing assigns it), otherwise every member of the workspace.
 */
export async function whoCanTake(db: Queryable, workspaceId: string, conversationId: string): Promise<string[]> {
  const [c] = await db
    .select({ teamId: conversations.teamId })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)));
  if (!c) return [];
  const members = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.workspaceId, workspaceId));
  if (!c.teamId) return members.map((m) => m.userId);
  const team = new Set(
    (await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, c.teamId))).map(
      (m) => m.userId,
    ),
  );
  return members.filter((m) => team.has(m.userId)).map((m) => m.userId);
}

export interface PushAudience {
  /** The workspace's zone (quiet hours of members who name none). */
  timezone: string;
  workspaceName: string;
  members: {
    userId: string;
    prefs: AlertPrefs;
    devices: { id: string; endpoint: string; p256dh: string; auth: string }[];
  }[];
}

/** The members' preferences and devices, in three queries whatever their number. */
export async function pushAudience(db: Queryable, workspaceId: string, userIds: string[]): Promise<PushAudience> {
  const [ws] = await db
    .select({ name: workspaces.name, settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const audience: PushAudience = {
    timezone: readSettings(ws?.settings).businessHours.timezone,
    workspaceName: ws?.name ?? '',
    members: [],
  };
  if (!userIds.length || !ws) return audience;
  const prefs = await db
    .select({ userId: alertPreferences.userId, prefs: alertPreferences.prefs })
    .from(alertPreferences)
    .where(and(eq(alertPreferences.workspaceId, workspaceId), inArray(alertPreferences.userId, userIds)));
  const devices = await db
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.workspaceId, workspaceId), inArray(pushSubscriptions.userId, userIds)));
  audience.members = userIds.map((userId) => ({
    userId,
    prefs: readAlertPrefs(prefs.find((p) => p.userId === userId)?.prefs),
    devices: devices
      .filter((d) => d.userId === userId)
      .map((d) => ({ id: d.id, endpoint: d.endpoint, p256dh: d.p256dh, auth: d.auth })),
  }));
  return audience;
}

/**
 * Who is emailed when a handoff waits past twice the target: the workspace's notification
 * addresses when set, otherwise its owner and admins who keep email alerts on.
 */
export async function escalationRecipients(db: Queryable, workspaceId: string): Promise<string[]> {
  const [ws] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!ws) return [];
  const configured = readSettings(ws.settings).notifications.emails;
  if (configured.length) return configured;
  const admins = await db
    .select({ userId: users.id, email: users.email, prefs: alertPreferences.prefs })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      alertPreferences,
      and(eq(alertPreferences.workspaceId, memberships.workspaceId), eq(alertPreferences.userId, memberships.userId)),
    )
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ['owner', 'admin'])));
  return admins.filter((a) => readAlertPrefs(a.prefs).channels.email).map((a) => a.email);
}
