/**
 * The live connection to the server's `/agent` namespace: joins the current workspace, hands every
 * pushed event and typing signal to subscribers, and carries the member's online/away status.
 * After a reconnect subscribers are told (`onReconnect`) so they re-read from the database,
 * which is the source of truth; nothing here depends on Socket.IO's own recovery.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { getCsrfToken, readableMessage } from './api';
import {
  AGENT_NAMESPACE,
  PROTOCOL_OUTDATED,
  PROTOCOL_VERSION,
  type Ack,
  type AgentClientEvents,
  type AgentEvent,
  type AgentServerEvents,
  type WireMessage,
} from '../../protocol/socket';

export interface TypingSignal {
  conversationId: string;
  author: string;
  typing: boolean;
}
export type Presence = 'online' | 'away';
/** outdated: the server no longer speaks this page's socket protocol (the page must be reloaded). */
export type Connection = 'connecting' | 'live' | 'offline' | 'outdated';

type Listener<T> = (v: T) => void;

export interface RealtimeValue {
  connection: Connection;
  presence: Presence;
  setPresence: (p: Presence) => void;
  onEvent: (l: Listener<AgentEvent>) => () => void;
  onTyping: (l: Listener<TypingSignal>) => () => void;
  /** Called after the socket (re)joins, so views can catch up on what they missed. */
  onReconnect: (l: Listener<void>) => () => void;
  send: (input: { conversationId: string; clientId: string; body: string; note: boolean }) => Promise<WireMessage>;
  typing: (conversationId: string, typing: boolean) => void;
  /** "I am looking at this conversation": the heartbeat behind human-minute accounting. */
  activity: (conversationId: string) => void;
}

/** Exported for tests, which provide their own value. */
export const RealtimeContext = createContext<RealtimeValue | null>(null);

export function useRealtime(): RealtimeValue {
  const v = useContext(RealtimeContext);
  if (!v) throw new Error('useRealtime outside RealtimeProvider');
  return v;
}

const PRESENCE_KEY = 'chatref.presence';

function hub<T>() {
  const set = new Set<Listener<T>>();
  return {
    add: (l: Listener<T>) => {
      set.add(l);
      return () => void set.delete(l);
    },
    emit: (v: T) => set.forEach((l) => l(v)),
  };
}

export function RealtimeProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const [connection, setConnection] = useState<Connection>('connecting');
  const [presence, setPresenceState] = useState<Presence>(() =>
    localStorage.getItem(PRESENCE_KEY) === 'away' ? 'away' : 'online',
  );
  const presenceRef = useRef(presence);
  const socketRef = useRef<Socket<AgentServerEvents, AgentClientEvents> | null>(null);
  const hubs = useMemo(() => ({ event: hub<AgentEvent>(), typing: hub<TypingSignal>(), reconnect: hub<void>() }), []);

  useEffect(() => {
    const socket = io(AGENT_NAMESPACE, {
      withCredentials: true,
      transports: ['websocket', 'polling'],
      // The server takes the agent socket only with the session's CSRF token, read at each (re)connect.
      auth: (cb) => cb({ csrfToken: getCsrfToken(), protocol: PROTOCOL_VERSION }),
    });
    socketRef.current = socket;
    let joinedOnce = false;
    socket.on('connect', () => {
      socket.emit('join', { workspaceId }, (ack: Ack<unknown>) => {
        if (!ack?.ok) {
          setConnection('offline');
          return;
        }
        setConnection('live');
        socket.emit('presence', { workspaceId, status: presenceRef.current }, () => undefined);
        if (joinedOnce) hubs.reconnect.emit();
        joinedOnce = true;
      });
    });
    // The server closes the socket when this member's access changed (removed, role changed,
    // signed out) or when it stops: once it answers again, load the page anew, so the member sees
    // only what they may see now (or the sign-in page).
    let recheck: ReturnType<typeof setTimeout> | null = null;
    const reloadWhenReachable = () => {
      fetch('/api/auth/me', { credentials: 'same-origin' }).then(
        () => window.location.reload(),
        () => (recheck = setTimeout(reloadWhenReachable, 3000)),
      );
    };
    socket.on('disconnect', (reason) => {
      setConnection('offline');
      if (reason === 'io server disconnect') reloadWhenReachable();
    });
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) =>
      setConnection(err.data?.code === PROTOCOL_OUTDATED ? 'outdated' : 'offline'),
    );
    socket.on('event', (e: AgentEvent) => hubs.event.emit(e));
    socket.on('typing', (t: TypingSignal) => hubs.typing.emit(t));
    return () => {
      if (recheck) clearTimeout(recheck);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [workspaceId, hubs]);

  const value = useMemo<RealtimeValue>(
    () => ({
      connection,
      presence,
      setPresence: (p) => {
        presenceRef.current = p;
        localStorage.setItem(PRESENCE_KEY, p);
        setPresenceState(p);
        socketRef.current?.emit('presence', { workspaceId, status: p }, () => undefined);
      },
      onEvent: hubs.event.add,
      onTyping: hubs.typing.add,
      onReconnect: hubs.reconnect.add,
      send: (input) =>
        new Promise((resolve, reject) => {
          const s = socketRef.current;
          if (!s?.connected) return reject(new Error('offline'));
          s.timeout(10_000).emit('send', input, (err: Error | null, ack: Ack<WireMessage>) => {
            if (err) reject(new Error('The server did not answer in time.'));
            else if (ack.ok) resolve(ack.data);
            else reject(new Error(readableMessage(ack.error)));
          });
        }),
      typing: (conversationId, typing) => {
        socketRef.current?.emit('typing', { conversationId, typing }, () => undefined);
      },
      activity: (conversationId) => {
        socketRef.current?.emit('activity', { conversationId }, () => undefined);
      },
    }),
    [connection, presence, workspaceId, hubs],
  );

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
