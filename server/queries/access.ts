/** What a signed-in session may do in a workspace now (the live connections' check). */
import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { memberships, sessions, type Role } from '../../db/schema';

/** What a socket's session may do in a workspace now. */
export type LiveAccess = { session: false } | { session: true; role: Role | null };

export async function sessionAccess(
  db: Queryable,
  s: { tokenHash: string; userId: string; workspaceId: string },
  now: Date,
): Promise<LiveAccess> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(sessions)
    .leftJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.workspaceId, s.workspaceId)))
    .where(and(eq(sessions.tokenHash, s.tokenHash), eq(sessions.userId, s.userId), gt(sessions.expiresAt, now)));
  return row ? { session: true, role: row.role ?? null } : { session: false };
}
