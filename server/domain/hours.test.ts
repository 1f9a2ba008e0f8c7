import { describe, expect, it } from 'vitest';
import { isWithinHours } from './hours';
import { WorkspaceSettings } from './settings';

const hours = (enabled: boolean) =>
  WorkspaceSettings.parse({
    businessHours: { enabled, timezone: 'America/Los_Angeles', days: { '3': { open: '10:00', close: '19:00' } } },
  }).businessHours;

describe('business hours', () => {
  it('is always open when hours are off', () => {
    expect(isWithinHours(hours(false), new Date('2026-11-29T03:00:00Z'))).toBe(true);
  });
  it('follows the workspace time zone and the day window', () => {
    // Wednesday 2026-11-25 18:30 UTC = 10:30 in Los Angeles: open.
    expect(isWithinHours(hours(true), new Date('2026-11-25T18:30:00Z'))).toBe(true);
    // Wednesday 17:00 UTC = 09:00 in Los Angeles: not yet.
    expect(isWithinHours(hours(true), new Date('2026-11-25T17:00:00Z'))).toBe(false);
    // Thursday has no window: closed.
    expect(isWithinHours(hours(true), new Date('2026-11-26T20:00:00Z'))).toBe(false);
  });
});
