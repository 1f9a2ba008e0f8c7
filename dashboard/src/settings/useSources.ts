import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useRealtime } from '../realtime';
import type { Source } from '../types';

const POLL_MS = 1500;

/** The knowledge sources, kept fresh by `knowledge.source.updated` events and, while any ingests, a poll. */
export function useSources(workspaceId: string) {
  const { onEvent } = useRealtime();
  const [sources, setSources] = useState<Source[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.get<Source[]>(wsPath(workspaceId, '/knowledge/sources')).then(
      (s) => {
        setSources(s);
        setError(null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [workspaceId]);

  useEffect(load, [load]);
  useEffect(() => onEvent((e) => e.name === 'knowledge.source.updated' && load()), [onEvent, load]);

  const busy = sources?.some((s) => s.status === 'pending' || s.status === 'ingesting') ?? false;
  useEffect(() => {
    if (!busy) return;
    const t = setInterval(load, POLL_MS);
    return () => clearInterval(t);
  }, [busy, load]);

  return { sources, error, reload: load };
}
