import { describe, expect, it } from 'vitest';
import { assistantNameFor, readSettings } from './settings';

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

describe('assistantNameFor', () => {
  it("names a new shop's assistant after the shop; a name too long for that alone, cut at a word to fit", () => {
    expect(assistantNameFor('Fernhollow Nursery')).toBe('Fernhollow Nursery assistant');
    const long = 'The Family Run Plant Nursery and Garden Centre of Upper Fernhollow';
    expect(assistantNameFor(long)).toBe('The Family Run Plant Nursery and Garden Centre of Upper');
    expect(assistantNameFor('Plant Nursery and Garden Centre of Upper Fernhollow')).toBe(
      'Plant Nursery and Garden Centre of Upper Fernhollow',
    );
    expect(assistantNameFor('x'.repeat(100))).toBe('x'.repeat(60));
  });
});
