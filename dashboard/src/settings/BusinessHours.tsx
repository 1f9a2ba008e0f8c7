import type { FormEvent } from 'react';
import { SaveBar } from '../ui/SaveBar';
import { useSettingsDraft } from './useSettingsSection';

type Day = '0' | '1' | '2' | '3' | '4' | '5' | '6';
// Monday first, as shops plan their week; stored keys are 0 = Sunday.
const DAYS: [Day, string][] = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['0', 'Sunday'],
];

const zones = (): string[] => {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
};

/** Opening hours: outside them the widget says the team is offline and asks for an email. */
export function BusinessHoursSettings() {
  const { draft, update, save, dirty, status, reset, readOnly } = useSettingsDraft(['businessHours']);
  const hours = draft.businessHours;
  const setDay = (d: Day, v: { open: string; close: string } | null) => {
    const days = { ...hours.days };
    if (v) days[d] = v;
    else delete days[d];
    update('businessHours', { days });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <form className="form" onSubmit={submit}>
      <fieldset disabled={readOnly}>
        <legend>Hours</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={hours.enabled}
            onChange={(e) => update('businessHours', { enabled: e.target.checked })}
          />
          <span>
            Use business hours<small>When off, the team counts as available whenever someone is online.</small>
          </span>
        </label>
        <label className="field narrow">
          <span>Time zone</span>
          <input
            list="tz-list"
            value={hours.timezone}
            onChange={(e) => update('businessHours', { timezone: e.target.value })}
            disabled={!hours.enabled}
          />
          <datalist id="tz-list">
            {zones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </label>
        <table className="hours">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Open</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {DAYS.map(([d, label]) => {
              const w = hours.days[d];
              return (
                <tr key={d}>
                  <th scope="row">{label}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Open on ${label}`}
                      checked={!!w}
                      disabled={!hours.enabled}
                      onChange={(e) => setDay(d, e.target.checked ? { open: '09:00', close: '17:00' } : null)}
                    />
                  </td>
                  <td>
                    <input
                      type="time"
                      aria-label={`${label} opens`}
                      value={w?.open ?? ''}
                      disabled={!hours.enabled || !w}
                      onChange={(e) => w && setDay(d, { ...w, open: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="time"
                      aria-label={`${label} closes`}
                      value={w?.close ?? ''}
                      disabled={!hours.enabled || !w}
                      onChange={(e) => w && setDay(d, { ...w, close: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      <SaveBar dirty={dirty} status={status} readOnly={readOnly} onReset={reset} />
    </form>
  );
}
