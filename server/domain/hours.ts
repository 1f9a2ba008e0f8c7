/** Business hours: is the team expected to be around at this moment, in the workspace's time zone? */
import type { WorkspaceSettings } from './settings';

/** Whether the runtime knows this IANA time zone ("America/Los_Angeles"; not "America/Portland"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isWithinHours(hours: WorkspaceSettings['businessHours'], now: Date): boolean {
  if (!hours.enabled) return true;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: hours.timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
  } catch {
    return true; // an unknown time zone must not hide the team
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  const window = hours.days[String(day) as keyof typeof hours.days];
  if (!window) return false;
  const hhmm = `${get('hour')}:${get('minute')}`;
  return hhmm >= window.open && hhmm < window.close;
}
