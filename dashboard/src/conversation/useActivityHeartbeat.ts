import { useEffect } from 'react';
import { useRealtime } from '../realtime';

/** Under the server's idle cap (2 min), so steady reading counts in full. */
const HEARTBEAT_MS = 30_000;

/**
 * While a conversation is open in a visible tab, tells the server every 30 s (and on open, and on
 * coming back to the tab): human minutes count time spent on a chat, not only the messages sent.
 */
export function useActivityHeartbeat(conversationId: string, enabled: boolean): void {
  const { activity, connection } = useRealtime();
  useEffect(() => {
    if (!enabled || connection !== 'live') return;
    const beat = () => document.visibilityState === 'visible' && activity(conversationId);
    beat();
    const t = setInterval(beat, HEARTBEAT_MS);
    document.addEventListener('visibilitychange', beat);
    return () => {
      clearInterval(t);
      document.removeEventListener('visibilitychange', beat);
    };
  }, [conversationId, enabled, connection, activity]);
}
