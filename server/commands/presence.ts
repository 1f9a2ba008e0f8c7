/** Members' presence: online, away or offline in a workspace (what routing and the widget read). */
import { and, eq } from 'drizzle-orm';
import { agentPresence, memberships } from '../../db/schema';
import { unitOfWork, type Deps } from './unit';

/** Marks a member online/away/offline in a workspace and records `agent.presence`. */
export async function setPresence(
  deps: Deps,
  workspaceId: string,
  userId: string,
  status: 'online' | 'away' | 'offline',
) {
  return unitOfWork(deps, async (tx, record) => {
    await tx
      .insert(agentPresence)
      .values({ workspaceId, userId, status, lastSeenAt: deps.now() })
      .onConflictDoUpdate({
        target: [agentPresence.workspaceId, agentPresence.userId],
        set: { status, lastSeenAt: deps.now() },
      });
    await record({ workspaceId, name: 'agent.presence', actorType: 'user', actorId: userId, data: { userId, status } });
  });
}

/** Sets the member's presence in every workspace they belong to (sign-in: online; sign-out: offline). */
export async function setPresenceEverywhere(deps: Deps, userId: string, status: 'online' | 'offline'): Promise<void> {
  const ws = await deps.db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const { workspaceId } of ws) await setPresence(deps, workspaceId, userId, status);
}

async function statusOf(deps: Deps, workspaceId: string, userId: string) {
  const [p] = await deps.db
    .select({ status: agentPresence.status })
    .from(agentPresence)
    .where(and(eq(agentPresence.workspaceId, workspaceId), eq(agentPresence.userId, userId)));
  return p?.status ?? null;
}

/** A member opened a dashboard: they are here, unless they chose "away". */
export async function dashboardOpened(deps: Deps, workspaceId: string, userId: string): Promise<void> {
  const status = await statusOf(deps, workspaceId, userId);
  if (!status || status === 'offline') await setPresence(deps, workspaceId, userId, 'online');
}

/** A member's last dashboard closed: offline (a member removed meanwhile has no row, and gets none back). */
export async function dashboardsClosed(deps: Deps, workspaceId: string, userId: string): Promise<void> {
  const status = await statusOf(deps, workspaceId, userId);
  if (status && status !== 'offline') await setPresence(deps, workspaceId, userId, 'offline');
}
