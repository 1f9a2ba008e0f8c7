/**
 * Lazily loaded pages that survive an upgrade. A dashboard open since before the server was
 * upgraded asks for chunks by the names of its own build, which the new build has replaced: the
 * import fails. The first such failure reloads the page (the new index.html names the new chunks);
 * another within a minute is not reloaded again (no loop), and fails as it would have.
 */
import { lazy } from 'react';

const KEY = 'chatref.chunk-reload';
const AGAIN_AFTER_MS = 60_000;

export interface ReloadDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  reload: () => void;
  now: () => number;
}

function browser(): ReloadDeps {
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    // Storage blocked: without the guard a reload could loop, so none is tried.
  }
  return { storage, reload: () => window.location.reload(), now: () => Date.now() };
}

/** Loads a chunk; when that fails, reloads the page, at most once a minute (per tab). */
export function loadOrReload<T>(load: () => Promise<T>, deps: ReloadDeps = browser()): Promise<T> {
  return load().catch((err: unknown) => {
    try {
      const last = Number(deps.storage?.getItem(KEY) ?? 0);
      if (!deps.storage || deps.now() - last < AGAIN_AFTER_MS) throw err;
      deps.storage.setItem(KEY, String(deps.now()));
    } catch {
      throw err;
    }
    deps.reload();
    // The page is going away: nothing renders meanwhile.
    return new Promise<T>(() => undefined);
  });
}

/** React's `lazy`, with a failed chunk reloading the page once (see above). */
export const lazyPage: typeof lazy = (load) => lazy(() => loadOrReload(load));
