/** Accounts' reads: a session's user, the workspaces a user belongs to, a member's role. */
import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { memberships, sessions, users, workspaces, type Role } from '../../db/schema';
import { sha256 } from '../auth/tokens';
import type { Deps } from '../commands/unit';

/** The session's user and CSRF token, or null when the token is unknown or expired. */
export async function sessionFor(deps: Deps, token: string) {
  const [row] = await deps.db
    .select({ user: users, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, deps.now())));
  return row ?? null;
}

/** Workspaces the user belongs to, with the role in each. */
export function membershipsOf(db: Queryable, userId: string) {
  return db
    .select({ workspace: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(workspaces.createdAt);
}

/** The member's role in the workspace, or null when they are not a member. */
export async function roleIn(db: Queryable, workspaceId: string, userId: string): Promise<Role | null> {
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}
