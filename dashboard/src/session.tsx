/**
 * Who is signed in and which workspace they are looking at. Loads `/api/auth/me` on start; keeps
 * the chosen workspace in local storage so a member of several lands where they left.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './api';
import type { Me, Role, Workspace } from './types';

const WS_KEY = 'chatref.workspace';

interface SessionValue {
  me: Me;
  workspace: Workspace;
  role: Role;
  isAdmin: boolean;
  switchWorkspace: (id: string) => void;
  /** Replaces the workspace (after its settings changed). */
  updateWorkspace: (w: Workspace) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside a signed-in session');
  return v;
}

type Loaded =
  { state: 'loading' } | { state: 'signed-out' } | { state: 'error'; message: string } | { state: 'in'; me: Me };

/** Loads the session; renders `signedOut` (given a callback to sign in) or `children` in a session. */
export function SessionProvider({
  children,
  signedOut,
}: {
  children: ReactNode;
  signedOut: (onIn: (me: Me) => void) => ReactNode;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [wsId, setWsId] = useState<string | null>(() => localStorage.getItem(WS_KEY));

  const load = useCallback(() => {
    api.get<Me>('/api/auth/me').then(
      (me) => {
        setCsrfToken(me.csrfToken);
        setLoaded({ state: 'in', me });
      },
      (err: unknown) => {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) setLoaded({ state: 'signed-out' });
        else
          setLoaded({ state: 'error', message: err instanceof Error ? err.message : 'Could not load your session.' });
      },
    );
  }, []);
  useEffect(load, [load]);

  const onIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setLoaded({ state: 'in', me });
  }, []);

  const value = useMemo<SessionValue | null>(() => {
    if (loaded.state !== 'in') return null;
    const { me } = loaded;
    const entry = me.workspaces.find((w) => w.workspace.id === wsId) ?? me.workspaces[0];
    if (!entry) return null;
    return {
      me,
      workspace: entry.workspace,
      role: entry.role,
      isAdmin: entry.role !== 'agent',
      switchWorkspace: (id) => {
        localStorage.setItem(WS_KEY, id);
        setWsId(id);
      },
      updateWorkspace: (w) =>
        setLoaded({
          state: 'in',
          me: { ...me, workspaces: me.workspaces.map((x) => (x.workspace.id === w.id ? { ...x, workspace: w } : x)) },
        }),
      signOut: async () => {
        await api.post('/api/auth/signout').catch(() => undefined);
        setCsrfToken('');
        setLoaded({ state: 'signed-out' });
      },
    };
  }, [loaded, wsId]);

  if (loaded.state === 'loading')
    return (
      <div className="splash" aria-busy="true">
        Loading…
      </div>
    );
  if (loaded.state === 'error')
    return (
      <div className="splash" role="alert">
        <p>{loaded.message}</p>
        <button type="button" className="btn" onClick={load}>
          Try again
        </button>
      </div>
    );
  if (loaded.state === 'signed-out') return <>{signedOut(onIn)}</>;
  if (!value)
    return (
      <div className="splash" role="alert">
        <p>Your account is not a member of any workspace yet. Ask an admin for an invitation.</p>
      </div>
    );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
