/**
 * A tiny client-side router over the History API, under the `/app` base path. Routes are plain
 * path segments; components read them with `useRoute()` and move with `navigate()` or `<Link>`.
 */
import { useSyncExternalStore } from 'react';

export const BASE = '/app';
const listeners = new Set<() => void>();

function current(): string {
  const p = window.location.pathname;
  const rest = p.startsWith(BASE) ? p.slice(BASE.length) : p;
  return (rest || '/') + window.location.search;
}

window.addEventListener('popstate', () => listeners.forEach((l) => l()));

/** Goes to an in-app path such as `/inbox/waiting`; `replace` keeps history clean for redirects. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = BASE + to;
  if (url === window.location.pathname + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

export interface Route {
  /** Path segments after `/app`, e.g. ['inbox', 'waiting', '<id>']. */
  segments: string[];
  query: URLSearchParams;
}

let cached: { key: string; route: Route } | null = null;
function snapshot(): Route {
  const key = current();
  if (cached?.key !== key) {
    const [path, search = ''] = key.split('?');
    cached = {
      key,
      route: { segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(search) },
    };
  }
  return cached.route;
}

export function useRoute(): Route {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, snapshot);
}
