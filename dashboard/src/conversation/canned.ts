/**
 * Canned replies: the workspace's shared list (server-side), inserted with `/` in the reply box.
 * A browser that still holds the old local list (before replies were shared) imports it once.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useRealtime } from '../realtime';

export interface CannedReply {
  id: string;
  shortcut: string;
  body: string;
  updatedAt: string;
}

const legacyKey = (workspaceId: string) => `chatref.canned.${workspaceId}`;

/** Sends this browser's old local list to the workspace (the server skips replies it has), then forgets it. */
async function importLegacy(workspaceId: string): Promise<void> {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(legacyKey(workspaceId));
  } catch {
    return;
  }
  if (raw === null) return;
  let bodies: unknown;
  try {
    bodies = JSON.parse(raw);
  } catch {
    bodies = [];
  }
  const list = Array.isArray(bodies) ? bodies.filter((b): b is string => typeof b === 'string' && !!b.trim()) : [];
  if (list.length)
    await api.post(wsPath(workspaceId, '/canned-replies/import'), {
      bodies: list.slice(0, 100).map((b) => b.slice(0, 4000)),
    });
  localStorage.removeItem(legacyKey(workspaceId));
}

/** Matches a reply against what was typed after `/`: shortcut first, then words of the text. */
export function matchCanned(items: CannedReply[], query: string): CannedReply[] {
  const q = query.toLowerCase();
  if (!q) return items;
  const starts = items.filter((r) => r.shortcut.startsWith(q));
  const rest = items.filter((r) => !starts.includes(r) && (r.shortcut.includes(q) || r.body.toLowerCase().includes(q)));
  return [...starts, ...rest];
}

export function useCannedReplies(workspaceId: string) {
  const [items, setItems] = useState<CannedReply[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const path = wsPath(workspaceId, '/canned-replies');

  const reload = useCallback(async () => {
    try {
      setItems(await api.get<CannedReply[]>(path));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoaded(true);
    }
  }, [path]);

  // A colleague's change reaches every open dashboard.
  const { onEvent } = useRealtime();
  useEffect(
    () =>
      onEvent((e) => {
        if (e.name === 'workspace.updated' && e.data.part === 'canned') void reload();
      }),
    [onEvent, reload],
  );

  useEffect(() => {
    importLegacy(workspaceId)
      .catch(() => undefined) // Kept locally; tried again next time.
      .finally(() => void reload());
  }, [workspaceId, reload]);

  /** Forgets the last refusal (the form it was about was cancelled). */
  const clearError = useCallback(() => setError(null), []);

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await reload();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };

  return {
    items,
    loaded,
    error,
    reload,
    clearError,
    add: (shortcut: string, body: string) => run(() => api.post(path, { shortcut, body })),
    update: (id: string, change: { shortcut?: string; body?: string }) => run(() => api.patch(`${path}/${id}`, change)),
    remove: (id: string) => run(() => api.del(`${path}/${id}`)),
  };
}
