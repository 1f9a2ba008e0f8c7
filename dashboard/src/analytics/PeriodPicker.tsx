import { useEffect, useState, type FormEvent } from 'react';
import { navigate } from '../router';
import { PRESETS, withQuery, type Period } from './period';

/** Last 7 / 30 / 90 days, or a custom range of days; moves the URL of `path`. */
export function PeriodPicker({ path, period }: { path: string; period: Period }) {
  const [custom, setCustom] = useState(period.days === null);
  const [from, setFrom] = useState(period.fromDay);
  const [to, setTo] = useState(period.toDay);
  useEffect(() => {
    setFrom(period.fromDay);
    setTo(period.toDay);
  }, [period.fromDay, period.toDay]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (from && to && from <= to) navigate(withQuery(path, { from, to }));
  };

  return (
    <div className="period">
      <div className="segmented" role="group" aria-label="Period">
        {PRESETS.map((d) => (
          <button
            key={d}
            type="button"
            className={period.days === d && !custom ? 'on' : ''}
            aria-pressed={period.days === d && !custom}
            onClick={() => {
              setCustom(false);
              navigate(withQuery(path, { days: d === 30 ? null : String(d) }));
            }}
          >
            {d} days
          </button>
        ))}
        <button type="button" className={custom ? 'on' : ''} aria-pressed={custom} onClick={() => setCustom(true)}>
          Custom
        </button>
      </div>
      {custom && (
        <form className="period-custom" onSubmit={apply}>
          <label>
            <span className="sr-only">From</span>
            <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="sr-only">To</span>
            <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} required />
          </label>
          <button type="submit" className="btn" disabled={!from || !to || from > to}>
            Apply
          </button>
        </form>
      )}
    </div>
  );
}
