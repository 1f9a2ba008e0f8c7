/**
 * The workspace's slow-changing lists (members, teams, tags), loaded once and shared, so names
 * and colours can be shown anywhere; settings pages call `reload` after they change one.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, wsPath } from './api';
import type { Member, Tag, Team } from './types';

interface WorkspaceData {
  members: Member[];
  teams: Team[];
  tags: Tag[];
  memberName: (id: string | null | undefined) => string | null;
  teamName: (id: string | null | undefined) => string | null;
  reload: () => void;
}

const Ctx = createContext<WorkspaceData | null>(null);

export function useWorkspaceData(): WorkspaceData {
  const v = useContext(Ctx);
  if (!v) throw new Error('useWorkspaceData outside its provider');
  return v;
}

export function WorkspaceDataProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [tags, setTags] = useState<Tag[]>([]);

  const reload = useCallback(() => {
    api.get<Member[]>(wsPath(workspaceId, '/members')).then(setMembers, () => undefined);
    api.get<Team[]>(wsPath(workspaceId, '/teams')).then(setTeams, () => undefined);
    api.get<Tag[]>(wsPath(workspaceId, '/tags')).then(setTags, () => undefined);
  }, [workspaceId]);
  useEffect(reload, [reload]);

  const value = useMemo<WorkspaceData>(
    () => ({
      members,
      teams,
      tags,
      memberName: (id) => (id ? (members.find((m) => m.id === id)?.name ?? null) : null),
      teamName: (id) => (id ? (teams.find((t) => t.id === id)?.name ?? null) : null),
      reload,
    }),
    [members, teams, tags, reload],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
