/** Members' presence: online, away or offline in a workspace (what routing and the widget read). */
import { eq } from 'drizzle-orm';
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
