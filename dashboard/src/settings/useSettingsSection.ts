import { useState } from 'react';
import { api, errorMessage, wsPath } from '../api';
import { useSession } from '../session';
import type { Workspace, WorkspaceSettings } from '../types';

type Section = 'handoff' | 'routing' | 'widget' | 'businessHours' | 'satisfaction' | 'transcript' | 'targets';

/**
 * A draft of some settings sections, saved together with one PATCH. `dirty` says whether the
 * draft differs from what is stored; saving replaces the workspace in the session.
 */
export function useSettingsDraft<K extends Section>(keys: K[]) {
  const { workspace, updateWorkspace, isAdmin } = useSession();
  const pick = (s: WorkspaceSettings) => Object.fromEntries(keys.map((k) => [k, s[k]])) as Pick<WorkspaceSettings, K>;
  const [draft, setDraft] = useState(() => pick(workspace.settings));
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  const stored = pick(workspace.settings);
  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);

  const update = <S extends K>(section: S, patch: Partial<WorkspaceSettings[S]>) => {
    setDraft((d) => ({ ...d, [section]: { ...d[section], ...patch } }));
    setStatus({ kind: 'idle' });
  };

  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      const w = await api.patch<Workspace>(wsPath(workspace.id, '/settings'), draft);
      updateWorkspace(w);
      setDraft(pick(w.settings));
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', message: errorMessage(err) });
    }
  };

  return { draft, update, save, dirty, status, reset: () => setDraft(stored), readOnly: !isAdmin };
}
