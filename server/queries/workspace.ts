/** A workspace, and its people and configuration as its settings pages list them. */
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import {
  agentPresence,
  apiKeys,
  conversations,
  invitations,
  memberships,
  tags,
  teamMembers,
  teams,
  users,
  workspaces,
} from '../../db/schema';
import { AppError } from '../errors';

/** The workspace, or throws not_found. */
export async function getWorkspace(db: Queryable, id: string) {
  const [w] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  if (!w) throw new AppError('not_found', 'no such workspace');
  return w;
}

/** Teams with their members' ids, by name. */
export async function teamsOf(db: Queryable, workspaceId: string) {
  const rows = await db
    .select({ id: teams.id, name: teams.name, userId: teamMembers.userId })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(eq(teams.workspaceId, workspaceId))
    .orderBy(teams.name);
  const byId = new Map<string, { id: string; name: string; memberIds: string[] }>();
  for (const r of rows) {
    const t = byId.get(r.id) ?? { id: r.id, name: r.name, memberIds: [] };
    if (r.userId) t.memberIds.push(r.userId);
    byId.set(r.id, t);
  }
  return [...byId.values()];
}

/** Tags, by name. */
export async function tagsOf(db: Queryable, workspaceId: string) {
  return db.select().from(tags).where(eq(tags.workspaceId, workspaceId)).orderBy(tags.name);
}

/** Members and their roles, by name. */
export async function membersOf(db: Queryable, workspaceId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(users.name);
}

/** Who is online, with their chat cap and how many chats they own now. */
export async function presenceOf(db: Queryable, workspaceId: string) {
  const rows = await db.select().from(agentPresence).where(eq(agentPresence.workspaceId, workspaceId));
  const loads = await db
    .select({ userId: conversations.assigneeId, n: count() })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.status, 'human')))
    .groupBy(conversations.assigneeId);
  return rows.map((r) => ({
    userId: r.userId,
    status: r.status,
    capacity: r.capacity,
    open: loads.find((l) => l.userId === r.userId)?.n ?? 0,
  }));
}

/** Invitations neither accepted nor expired. */
export async function pendingInvitations(db: Queryable, workspaceId: string, now: Date) {
  return db
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)),
    );
}

/** API keys, oldest first (their hashes go no further than the presenter). */
export async function apiKeysOf(db: Queryable, workspaceId: string) {
  return db.select().from(apiKeys).where(eq(apiKeys.workspaceId, workspaceId)).orderBy(apiKeys.createdAt);
}

/** Throws unless the team belongs to the workspace. */
export async function assertTeam(db: Queryable, workspaceId: string, teamId: string): Promise<void> {
  const [t] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.workspaceId, workspaceId)));
  if (!t) throw new AppError('invalid_input', 'no such team in this workspace');
}
