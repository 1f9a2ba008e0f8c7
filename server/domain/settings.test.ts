import { describe, expect, it } from 'vitest';
import { readSettings } from './settings';

describe('readSettings', () => {
  it('fills defaults for what was never stored', () => {
    const s = readSettings({ handoff: { mode: 'automatic' } });
    expect(s.handoff).toMatchObject({ mode: 'automatic', frustrationMode: 'handoff' });
    expect(s.widget.color).toBe('#b4462b');
  });

  it('falls back to the defaults of an invalid section only, keeping the sections the team set', () => {
    const s = readSettings({
      handoff: { mode: 'automatic' },
      widget: { color: 'red', botName: 'Beans' },
      businessHours: { enabled: true, timezone: 'Europe/Paris', days: { '1': { open: '09:00', close: '17:00' } } },
    });
    expect(s.handoff.mode).toBe('automatic');
    expect(s.businessHours).toMatchObject({ enabled: true, timezone: 'Europe/Paris' });
    expect(s.widget).toEqual(readSettings(undefined).widget);
  });

  it('reads anything that is not an object as the defaults', () => {
    expect(readSettings('garbage')).toEqual(readSettings({}));
    expect(readSettings(null)).toEqual(readSettings({}));
  });
});
