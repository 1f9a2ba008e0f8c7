import { describe, expect, it } from 'vitest';
import { inQuietHours, readAlertPrefs, wantsPush } from './alert-prefs';

const at = (iso: string) => new Date(iso);

describe('alert preferences', () => {
  it('fills defaults: every event, push on, no quiet hours', () => {
    const p = readAlertPrefs({});
    expect(p.events).toEqual({ handoff: true, assigned: true, reply: true });
    expect(wantsPush(p, 'handoff', 'UTC', new Date())).toBe(true);
  });

  it('quiet hours across midnight, in the member’s zone or else the workspace’s', () => {
    const q = readAlertPrefs({ quietHours: { enabled: true, start: '22:00', end: '07:00' } }).quietHours;
    expect(inQuietHours(q, 'UTC', at('2026-03-02T23:30:00Z'))).toBe(true);
    expect(inQuietHours(q, 'UTC', at('2026-03-02T06:59:00Z'))).toBe(true);
    expect(inQuietHours(q, 'UTC', at('2026-03-02T07:00:00Z'))).toBe(false);
    // 20:30 UTC is 23:30 in Moscow (UTC+3, no daylight saving).
    expect(inQuietHours(q, 'Europe/Moscow', at('2026-03-02T20:30:00Z'))).toBe(true);
    expect(inQuietHours({ ...q, timezone: 'UTC' }, 'Europe/Moscow', at('2026-03-02T20:30:00Z'))).toBe(false);
  });

  it('a window within one day, and an unknown zone never silences', () => {
    const q = readAlertPrefs({ quietHours: { enabled: true, start: '12:00', end: '13:00' } }).quietHours;
    expect(inQuietHours(q, 'UTC', at('2026-03-02T12:15:00Z'))).toBe(true);
    expect(inQuietHours(q, 'UTC', at('2026-03-02T13:15:00Z'))).toBe(false);
    expect(inQuietHours({ ...q, timezone: 'Mars/Olympus' }, 'UTC', at('2026-03-02T12:15:00Z'))).toBe(false);
  });

  it('an event or the push channel turned off silences push', () => {
    expect(wantsPush(readAlertPrefs({ events: { reply: false } }), 'reply', 'UTC', new Date())).toBe(false);
    expect(wantsPush(readAlertPrefs({ channels: { push: false } }), 'handoff', 'UTC', new Date())).toBe(false);
  });
});
