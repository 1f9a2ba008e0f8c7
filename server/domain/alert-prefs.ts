/**
 * A member's alert preferences: which events alert them, through which channels, and quiet hours
 * (in their own time zone, or the workspace's when they name none). Stored as JSON; defaults are
 * filled on every read, like the workspace's settings.
 */
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour');

export const AlertPrefs = z.object({
  events: z
    .object({
      /** A chat handed to the team that this member can take (the re-alert included). */
      handoff: z.boolean().default(true),
      /** A chat assigned to this member (by someone else or by routing). */
      assigned: z.boolean().default(true),
      /** The visitor wrote in a chat this member owns. */
      reply: z.boolean().default(true),
    })
    .prefault({}),
  channels: z
    .object({
      push: z.boolean().default(true),
      /** The owner/admins' email when a handoff waits past twice the target. */
      email: z.boolean().default(true),
      /** The dashboard's sound while it is open. */
      sound: z.boolean().default(true),
    })
    .prefault({}),
  quietHours: z
    .object({
      enabled: z.boolean().default(false),
      /** Quiet from `start` to `end` (may cross midnight: 22:00 → 07:00). */
      start: hhmm.default('22:00'),
      end: hhmm.default('07:00'),
      /** An IANA zone such as Europe/Paris; null: the workspace's business-hours zone. */
      timezone: z.string().max(64).nullable().default(null),
    })
    .prefault({}),
});

export type AlertPrefs = z.infer<typeof AlertPrefs>;
export type AlertEvent = keyof AlertPrefs['events'];

/** Reads stored preferences, filling defaults; invalid stored values fall back to defaults. */
export function readAlertPrefs(stored: unknown): AlertPrefs {
  const parsed = AlertPrefs.safeParse(stored ?? {});
  return parsed.success ? parsed.data : AlertPrefs.parse({});
}

/** Is `now` inside the member's quiet hours? An unknown zone counts as not quiet (an alert beats silence). */
export function inQuietHours(quiet: AlertPrefs['quietHours'], workspaceZone: string, now: Date): boolean {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: quiet.timezone ?? workspaceZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
  } catch {
    return false;
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const t = `${get('hour')}:${get('minute')}`;
  return quiet.start < quiet.end ? t >= quiet.start && t < quiet.end : t >= quiet.start || t < quiet.end;
}

/** Should this member hear of this event by push now? */
export function wantsPush(prefs: AlertPrefs, event: AlertEvent, workspaceZone: string, now: Date): boolean {
  return prefs.events[event] && prefs.channels.push && !inQuietHours(prefs.quietHours, workspaceZone, now);
}
