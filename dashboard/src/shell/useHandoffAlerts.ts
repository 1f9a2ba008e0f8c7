import { useEffect } from 'react';
import { beep, desktopNotify } from '../lib/notify';
import { useRealtime } from '../realtime';
import { navigate } from '../router';

/** A new handoff anywhere in the workspace: a short sound, and a desktop notification if allowed. */
export function useHandoffAlerts(): void {
  const { onEvent } = useRealtime();
  useEffect(
    () =>
      onEvent((e) => {
        if (e.name !== 'handoff.created' || !e.conversationId) return;
        const id = e.conversationId;
        beep();
        desktopNotify('A visitor is waiting for a person', 'Open the inbox to pick the chat up.', () =>
          navigate(`/inbox/waiting/${id}`),
        );
      }),
    [onEvent],
  );
}
