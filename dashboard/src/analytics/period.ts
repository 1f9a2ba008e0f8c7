/**
 * The period both analytics pages look at, kept in the URL so a view can be shared and reloaded:
 * `?days=7|30|90` (the default is 30) or `?from=YYYY-MM-DD&to=YYYY-MM-DD` (local days, both
 * included).
 */
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api';

export const PRESETS = [7, 30, 90] as const;
const DAY = 86_400_000;

export interface Period {
  /** ISO instants sent to the API. */
  from: string;
  to: string;
  /** The preset in use, or null for a custom range. */
  days: number | null;
  /** The custom range as typed (for the date inputs). */
  fromDay: string;
  toDay: string;
  /** "Last 30 days" or "3 Nov – 24 Nov". */
  label: string;
}

const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);
const localDay = (d: string, plus = 0) => {
  const [y, m, day] = d.split('-').map(Number);
  return new Date(y, m - 1, day + plus);
};
export const dayOf = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
export const shortDay = (d: Date) => d.toLocaleDateString([], { day: 'numeric', month: 'short' });

/** Reads the period from the query string; `now` is fixed per query so the fetch key is stable. */
export function periodFrom(query: URLSearchParams, now: number): Period {
  const from = query.get('from');
  const to = query.get('to');
  if (isDay(from) && isDay(to) && from <= to) {
    return {
      from: localDay(from).toISOString(),
      to: localDay(to, 1).toISOString(),
      days: null,
      fromDay: from,
      toDay: to,
      label: `${shortDay(localDay(from))} – ${shortDay(localDay(to))}`,
    };
  }
  const asked = Number(query.get('days'));
  const days = (PRESETS as readonly number[]).includes(asked) ? asked : 30;
  const start = new Date(now - days * DAY);
  return {
    from: start.toISOString(),
    to: new Date(now).toISOString(),
    days,
    fromDay: dayOf(start),
    toDay: dayOf(new Date(now)),
    label: `Last ${days} days`,
  };
}

/** The period of the current URL; recomputed only when the period part of the query changes. */
export function usePeriod(query: URLSearchParams): Period {
  const key = ['days', 'from', 'to'].map((k) => query.get(k) ?? '').join('|');
  // Keyed by the period alone: other parameters (the drill-down) keep the same instants.
  return useMemo(() => periodFrom(query, Date.now()), [key]);
}

/** Builds a path with query parameters, leaving out empty ones. */
export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The period's own query parameters, to carry along when moving within a page. */
export function periodParams(query: URLSearchParams): Record<string, string | null> {
  return { days: query.get('days'), from: query.get('from'), to: query.get('to') };
}

/** GETs `path` (null: nothing to load); keeps the last data while a new period loads. */
export function useLoad<T>(path: string | null): {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
} {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: !!path,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.get<T>(path).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err: unknown) => live && setState((s) => ({ ...s, error: errorMessage(err), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** "45 s", "4.5 min", "52 min", "3 h 5 min". */
export function minutes(m: number): string {
  if (m <= 0) return '0 min';
  if (m < 1) return `${Math.round(m * 60)} s`;
  if (m < 10) return `${Math.round(m * 10) / 10} min`;
  const r = Math.round(m);
  if (r < 60) return `${r} min`;
  return r % 60 ? `${Math.floor(r / 60)} h ${r % 60} min` : `${r / 60} h`;
}
