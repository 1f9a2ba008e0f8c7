/** What an invitation link opens onto: which shop, for which email, from whom. */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { invitations, users, workspaces } from '../../db/schema';
import { sha256 } from '../auth/tokens';
import { AppError } from '../errors';

export async function invitationPreview(db: Queryable, token: string, now: Date) {
  const [row] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      workspace: workspaces.name,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)),
    );
  if (!row) throw new AppError('not_found', 'this invitation is unknown, used or expired: ask for a new one');
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
  return { ...row, expiresAt: row.expiresAt.toISOString(), hasAccount: existing !== undefined };
}
