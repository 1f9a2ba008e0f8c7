import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useRealtime } from '../realtime';
import type { GetStartedState } from '../types';

const POLL_MS = 1500;

/** Get started's state from the server, fresh after knowledge changes and while content is being read. */
export function useGetStarted(workspaceId: string) {
  const { onEvent } = useRealtime();
  const [state, setState] = useState<GetStartedState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      api.get<GetStartedState>(wsPath(workspaceId, '/get-started')).then(
        (s) => {
          setState(s);
          setError(null);
          announceSetup(s);
          return s;
        },
        (err: unknown) => {
          setError(errorMessage(err));
          return null;
        },
      ),
    [workspaceId],
  );
  useEffect(() => void load(), [load]);
  useEffect(
    () =>
      onEvent((e) => {
        if (
          e.name === 'knowledge.source.updated' ||
          e.name === 'workspace.updated' ||
          e.name === 'workspace.member.added'
        )
          void load();
      }),
    [onEvent, load],
  );
  const reading = (state?.content.ingesting.length ?? 0) > 0;
  useEffect(() => {
    if (!reading) return;
    const t = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(t);
  }, [reading, load]);

  return { state, error, reload: load };
}

/** Tells the sidebar's "Get started" link how many steps are left (it reads them itself otherwise). */
export const SETUP_EVENT = 'chatref:get-started';
export function announceSetup(s: GetStartedState): void {
  const left = [s.content, s.assistant, s.tags, s.widget, s.team].filter((step) => !step.done).length;
  window.dispatchEvent(new CustomEvent<number>(SETUP_EVENT, { detail: left }));
}
