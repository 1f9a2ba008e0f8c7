/**
 * The re-alert clock of waiting handoffs, kept in the database (`handoff_alerts`) so that it
 * survives restarts and is shared by every instance: a handoff opens a wait (stage 0, due at the
 * first-response target); past it, one instance claims stage 1 (`handoff.realerted`), and past
 * twice the target stage 2 (`handoff.escalated`). A claim is a conditional UPDATE on the stage, so
 * of two instances polling at once exactly one records each event.
 */
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import { conversations, handoffAlerts, workspaces } from '../../db/schema';
import { readSettings } from '../domain/settings';
import { unitOfWork, type Deps } from './unit';

/** The last stage: the email to the owner/admins. */
export const LAST_STAGE = 2;

async function targetS(deps: Deps, workspaceId: string): Promise<number> {
  const [ws] = await deps.db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return readSettings(ws?.settings).targets.firstResponseS;
}

/** Starts (or restarts, for a new wait) the clock of a handed-off chat. */
export async function openWait(deps: Deps, workspaceId: string, conversationId: string): Promise<void> {
  const [c] = await deps.db
    .select({ status: conversations.status, waitingSince: conversations.waitingSince })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)));
  if (!c || c.status !== 'waiting' || !c.waitingSince) return;
  const dueAt = new Date(c.waitingSince.getTime() + (await targetS(deps, workspaceId)) * 1000);
  const values = { workspaceId, conversationId, waitingSince: c.waitingSince, stage: 0, dueAt };
  await deps.db
    .insert(handoffAlerts)
    .values(values)
    .onConflictDoUpdate({ target: handoffAlerts.conversationId, set: values });
}

/**
 * Claims every due stage and records its event (published after commit: the alerts processor
 * sends the push or the email). Waits that ended (picked up, resolved, handed off anew) are closed.
 * Returns the number of stages this call claimed.
 */
export async function claimDueAlerts(deps: Deps, limit = 50): Promise<number> {
  const now = deps.now();
  const due = await deps.db
    .select({ a: handoffAlerts, status: conversations.status, waitingSince: conversations.waitingSince })
    .from(handoffAlerts)
    .innerJoin(conversations, eq(conversations.id, handoffAlerts.conversationId))
    .where(and(isNotNull(handoffAlerts.dueAt), lte(handoffAlerts.dueAt, now)))
    .orderBy(asc(handoffAlerts.dueAt))
    .limit(limit);
  let claimed = 0;
  for (const { a, status, waitingSince } of due) {
    const sameWait = status === 'waiting' && waitingSince?.getTime() === a.waitingSince.getTime();
    const stillDue = and(
      eq(handoffAlerts.conversationId, a.conversationId),
      eq(handoffAlerts.stage, a.stage),
      lte(handoffAlerts.dueAt, now),
    );
    if (!sameWait) {
      await deps.db.update(handoffAlerts).set({ dueAt: null }).where(stillDue);
      continue;
    }
    const stage = a.stage + 1;
    const target = await targetS(deps, a.workspaceId);
    const won = await unitOfWork(deps, async (tx, record) => {
      const rows = await tx
        .update(handoffAlerts)
        .set({
          stage,
          dueAt: stage < LAST_STAGE ? new Date(a.waitingSince.getTime() + (stage + 1) * target * 1000) : null,
        })
        .where(stillDue)
        .returning({ id: handoffAlerts.conversationId });
      if (!rows.length) return false; // another instance claimed it first
      await record({
        workspaceId: a.workspaceId,
        name: stage < LAST_STAGE ? 'handoff.realerted' : 'handoff.escalated',
        conversationId: a.conversationId,
        actorType: 'system',
        data: { stage, targetS: target, waitedS: Math.round((now.getTime() - a.waitingSince.getTime()) / 1000) },
      });
      return true;
    });
    if (won) claimed++;
  }
  return claimed;
}
