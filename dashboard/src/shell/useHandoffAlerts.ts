import { useEffect, useRef } from 'react';
import { api, wsPath } from '../api';
import type { AlertSettings } from '../lib/push';
import { beep, desktopNotify } from '../lib/notify';
import { useRealtime } from '../realtime';
import { navigate } from '../router';
import { useSession } from '../session';

/**
 * A new handoff anywhere in the workspace, or one still waiting past the target: a short sound
 * (unless the member turned sound off in My alerts), and a desktop notification if allowed.
 */
export function useHandoffAlerts(): void {
  const { onEvent } = useRealtime();
  const { workspace } = useSession();
  const sound = useRef(true);
  useEffect(() => {
    let live = true;
    api.get<AlertSettings>(wsPath(workspace.id, '/alerts')).then(
      (s) => live && (sound.current = s.prefs.channels.sound),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [workspace.id]);
  useEffect(
    () =>
      onEvent((e) => {
        if ((e.name !== 'handoff.created' && e.name !== 'handoff.realerted') || !e.conversationId) return;
        const id = e.conversationId;
        if (sound.current) beep();
        desktopNotify(
          e.name === 'handoff.created' ? 'A visitor is waiting for a person' : 'A visitor is still waiting',
          'Open the inbox to pick the chat up.',
          () => navigate(`/inbox/waiting/${id}`),
        );
      }),
    [onEvent],
  );
}
