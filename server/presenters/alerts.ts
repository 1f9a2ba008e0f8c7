/** The shapes of a member's alert settings and push devices as the API returns them. */
import { z } from 'zod';
import type { AlertPrefs } from '../domain/alert-prefs';

export const PushDeviceOut = z.object({ id: z.string(), userAgent: z.string().nullable(), endpointHost: z.string() });

export const AlertSettingsOut = z.object({
  prefs: z.object({
    events: z.object({ handoff: z.boolean(), assigned: z.boolean(), reply: z.boolean() }),
    channels: z.object({ push: z.boolean(), email: z.boolean(), sound: z.boolean() }),
    quietHours: z.object({ enabled: z.boolean(), start: z.string(), end: z.string(), timezone: z.string().nullable() }),
  }),
  /** The member's devices with push on (the endpoint itself is a capability: only its host is shown). */
  devices: z.array(PushDeviceOut),
  vapidPublicKey: z.string(),
});

export function presentAlertSettings(
  prefs: AlertPrefs,
  devices: { id: string; endpoint: string; userAgent: string | null }[],
  vapidPublicKey: string,
): z.infer<typeof AlertSettingsOut> {
  return {
    prefs,
    devices: devices.map((d) => ({ id: d.id, userAgent: d.userAgent, endpointHost: hostOf(d.endpoint) })),
    vapidPublicKey,
  };
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return '';
  }
}
