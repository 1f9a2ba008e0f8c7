/**
 * Accounts: sign-up (a workspace and its owner), sessions, invitations, API keys.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { type ApiKeyScope } from '../../protocol/scopes';
import type { Queryable } from '../../db/client';
import {
  agentPresence,
  apiKeys,
  invitations,
  memberships,
  sessions,
  users,
  workspaces,
  type Role,
} from '../../db/schema';
import { hashPassword, randomToken, sha256, verifyPassword } from '../auth/tokens';
import { assistantNameFor } from '../domain/settings';
import { AppError } from '../errors';
import { isUniqueViolation, unitOfWork, type Deps } from './unit';

const SESSION_DAYS = 30;
const INVITATION_DAYS = 7;

/** A verifier hash that makes a sign-in for an unknown email cost as much as a real one. */
let dummyHash: Promise<string> | null = null;

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base || 'workspace';
}

async function freeSlug(db: Queryable, name: string): Promise<string> {
  const base = slugify(name);
  for (let i = 0; ; i++) {
    const slug = i === 0 ? base : `${base}-${i + 1}`;
    const taken = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
    if (!taken.length) return slug;
  }
}

export interface SignUp {
  email: string;
  password: string;
  name: string;
  workspaceName: string;
}

/** Creates a user, a workspace and the user's owner membership, atomically. */
export async function signUp(deps: Deps, input: SignUp) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await unitOfWork(deps, async (tx, record) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email.toLowerCase(), name: input.name, passwordHash })
        .returning();
      const [workspace] = await tx
        .insert(workspaces)
        .values({
          name: input.workspaceName,
          slug: await freeSlug(tx, input.workspaceName),
          settings: { widget: { botName: assistantNameFor(input.workspaceName) } },
        })
        .returning();
      await tx.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: 'owner' });
      await record({
        workspaceId: workspace.id,
        name: 'workspace.member.added',
        actorType: 'user',
        actorId: user.id,
        data: { userId: user.id, role: 'owner' },
      });
      return { user, workspace };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users_email_unique'))
      throw new AppError('email_taken', 'an account with this email already exists: sign in instead', [
        { path: 'body.email', message: 'an account with this email already exists: sign in instead' },
      ]);
    throw err;
  }
}

/** Checks the password and opens a session; the same error for an unknown email and a wrong password. */
export async function signIn(deps: Deps, email: string, password: string) {
  const [user] = await deps.db.select().from(users).where(eq(users.email, email.toLowerCase()));
  if (!user) {
    dummyHash ??= hashPassword(randomToken());
    await verifyPassword(await dummyHash, password);
    throw new AppError('invalid_credentials', 'wrong email or password');
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('invalid_credentials', 'wrong email or password');
  }
  const token = randomToken();
  const csrfToken = randomToken(18);
  const expiresAt = new Date(deps.now().getTime() + SESSION_DAYS * 86_400_000);
  await deps.db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt });
  return { token, csrfToken, user, expiresAt };
}

/**
 * The name under which a session's sockets are found on every instance (a hash of the stored
 * hash: the room names travel through the database's notifications).
 */
export const sessionKey = (token: string): string => sha256(`room:${sha256(token)}`).slice(0, 32);

/** Ends the session; `session.ended` (one per workspace of the member) closes its live connections. */
export async function signOut(deps: Deps, token: string): Promise<void> {
  await unitOfWork(deps, async (tx, record) => {
    const [ended] = await tx
      .delete(sessions)
      .where(eq(sessions.tokenHash, sha256(token)))
      .returning({ userId: sessions.userId });
    if (!ended) return;
    const ws = await tx
      .select({ workspaceId: memberships.workspaceId })
      .from(memberships)
      .where(eq(memberships.userId, ended.userId));
    for (const { workspaceId } of ws)
      await record({
        workspaceId,
        name: 'session.ended',
        actorType: 'user',
        actorId: ended.userId,
        data: { userId: ended.userId, session: sessionKey(token) },
      });
  });
}

/**
 * Removes a member (the route refuses the owner): their membership and presence go, and
 * `agent.presence` offline is recorded, so routing returns their chats to the queue and every
 * instance's cached "who is online" drops them.
 */
export async function removeMember(
  deps: Deps,
  input: { workspaceId: string; userId: string; /** null: an API key */ removedBy: string | null },
): Promise<void> {
  await unitOfWork(deps, async (tx, record) => {
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
    await tx
      .delete(agentPresence)
      .where(and(eq(agentPresence.workspaceId, input.workspaceId), eq(agentPresence.userId, input.userId)));
    await record({
      workspaceId: input.workspaceId,
      name: 'agent.presence',
      actorType: input.removedBy ? 'user' : 'api',
      actorId: input.removedBy,
      data: { userId: input.userId, status: 'offline', removed: true },
    });
    await record({
      workspaceId: input.workspaceId,
      name: 'workspace.member.removed',
      actorType: input.removedBy ? 'user' : 'api',
      actorId: input.removedBy,
      data: { userId: input.userId },
    });
  });
}

/**
 * Changes a member's role and/or chat cap (the route refuses the owner's role). A role change
 * records `workspace.member.updated`, which makes the member's open dashboards re-authorise.
 */
export async function changeMember(
  deps: Deps,
  input: {
    workspaceId: string;
    userId: string;
    role?: Exclude<Role, 'owner'>;
    capacity?: number;
    /** null: an API key */ changedBy: string | null;
  },
): Promise<void> {
  await unitOfWork(deps, async (tx, record) => {
    if (input.role) {
      await tx
        .update(memberships)
        .set({ role: input.role })
        .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, input.userId)));
      await record({
        workspaceId: input.workspaceId,
        name: 'workspace.member.updated',
        actorType: input.changedBy ? 'user' : 'api',
        actorId: input.changedBy,
        data: { userId: input.userId, role: input.role },
      });
    }
    if (input.capacity) {
      await tx
        .insert(agentPresence)
        .values({ workspaceId: input.workspaceId, userId: input.userId, capacity: input.capacity })
        .onConflictDoUpdate({
          target: [agentPresence.workspaceId, agentPresence.userId],
          set: { capacity: input.capacity },
        });
      await record({
        workspaceId: input.workspaceId,
        name: 'workspace.member.capacity',
        actorType: input.changedBy ? 'user' : 'api',
        actorId: input.changedBy,
        data: { userId: input.userId, capacity: input.capacity },
      });
    }
  });
}

/** Withdraws a pending invitation of the workspace (nothing happens for another workspace's). */
export async function withdrawInvitation(
  deps: Deps,
  input: { workspaceId: string; invitationId: string; /** null: an API key */ withdrawnBy: string | null },
): Promise<void> {
  await unitOfWork(deps, async (tx, record) => {
    const [gone] = await tx
      .delete(invitations)
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.workspaceId, input.workspaceId)))
      .returning({ id: invitations.id });
    if (gone)
      await record({
        workspaceId: input.workspaceId,
        name: 'invitation.withdrawn',
        actorType: input.withdrawnBy ? 'user' : 'api',
        actorId: input.withdrawnBy,
        data: { invitationId: gone.id },
      });
  });
}

/**
 * Creates an invitation; returns the token once (only its hash is kept). `invitation.created`
 * carries the token to this process's subscribers (the email), never into the stored event.
 */
export async function inviteMember(
  deps: Deps,
  input: {
    workspaceId: string;
    email: string;
    role: Exclude<Role, 'owner'>;
    /** null: an API key */ invitedBy: string | null;
  },
) {
  const token = randomToken();
  const email = input.email.toLowerCase();
  return unitOfWork(deps, async (tx, record) => {
    // An invitation to someone already in the team would only mint a link that adds nothing.
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(users.email, email)));
    if (member) throw new AppError('conflict', `${email} is already a member of this workspace`);
    const [invitation] = await tx
      .insert(invitations)
      .values({
        workspaceId: input.workspaceId,
        email,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: input.invitedBy,
        expiresAt: new Date(deps.now().getTime() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    await record({
      workspaceId: input.workspaceId,
      name: 'invitation.created',
      actorType: 'user',
      actorId: input.invitedBy || null,
      data: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
      secret: token,
    });
    return { invitation, token };
  });
}

/** Accepts an invitation: creates the user if new (with name and password), and the membership. */
export async function acceptInvitation(deps: Deps, input: { token: string; name: string; password: string }) {
  const [inv] = await deps.db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, sha256(input.token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, deps.now()),
      ),
    );
  if (!inv) throw new AppError('not_found', 'this invitation is unknown, used or expired');
  const passwordHash = await hashPassword(input.password);
  return unitOfWork(deps, async (tx, record) => {
    // Claimed first, atomically: of several accepts of one invitation at once, exactly one succeeds.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: deps.now() })
      .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (!claimed.length) throw new AppError('not_found', 'this invitation is unknown, used or expired');
    let [user] = await tx.select().from(users).where(eq(users.email, inv.email));
    if (!user) [user] = await tx.insert(users).values({ email: inv.email, name: input.name, passwordHash }).returning();
    else if (!(await verifyPassword(user.passwordHash, input.password))) {
      throw new AppError('invalid_credentials', 'this email already has an account: use its password to accept');
    }
    await tx
      .insert(memberships)
      .values({ workspaceId: inv.workspaceId, userId: user.id, role: inv.role })
      .onConflictDoNothing();
    await record({
      workspaceId: inv.workspaceId,
      name: 'workspace.member.added',
      actorType: 'user',
      actorId: user.id,
      data: { userId: user.id, role: inv.role },
    });
    return { user, workspaceId: inv.workspaceId, role: inv.role };
  });
}

const API_KEY_PREFIX = 'ck_';

/** Creates an API key with the scopes it may use; the full key is returned once. */
export async function createApiKey(
  deps: Deps,
  input: { workspaceId: string; name: string; createdBy: string; scopes: ApiKeyScope[] },
) {
  const key = API_KEY_PREFIX + randomToken(24);
  return unitOfWork(deps, async (tx, record) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: input.workspaceId,
        name: input.name,
        prefix: key.slice(0, 10),
        keyHash: sha256(key),
        createdBy: input.createdBy,
        scopes: [...new Set(input.scopes)],
      })
      .returning();
    await record({
      workspaceId: input.workspaceId,
      name: 'api_key.created',
      actorType: 'user',
      actorId: input.createdBy,
      data: { apiKeyId: row.id, scopes: row.scopes },
    });
    return { key, apiKey: row };
  });
}

export async function revokeApiKey(
  deps: Deps,
  workspaceId: string,
  id: string,
  /** null: an API key */ revokedBy: string | null = null,
): Promise<void> {
  await unitOfWork(deps, async (tx, record) => {
    const rows = await tx
      .update(apiKeys)
      .set({ revokedAt: deps.now() })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, workspaceId)))
      .returning({ id: apiKeys.id });
    if (!rows.length) throw new AppError('not_found', 'no such API key');
    await record({
      workspaceId,
      name: 'api_key.revoked',
      actorType: revokedBy ? 'user' : 'api',
      actorId: revokedBy,
      data: { apiKeyId: id },
    });
  });
}

/** The workspace an API key acts for and what it may do there, or null. */
export async function apiKeyAccess(
  deps: Deps,
  key: string,
): Promise<{ workspaceId: string; apiKeyId: string; scopes: ApiKeyScope[] } | null> {
  if (!key.startsWith(API_KEY_PREFIX)) return null;
  const [row] = await deps.db
    .update(apiKeys)
    .set({ lastUsedAt: deps.now() })
    .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)))
    .returning({ workspaceId: apiKeys.workspaceId, apiKeyId: apiKeys.id, scopes: apiKeys.scopes });
  return row ? { ...row, scopes: row.scopes as ApiKeyScope[] } : null;
}

/** The workspace an API key acts for, or null. */
export async function workspaceForApiKey(deps: Deps, key: string): Promise<string | null> {
  return (await apiKeyAccess(deps, key))?.workspaceId ?? null;
}
