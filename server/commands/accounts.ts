/**
 * Accounts: sign-up (a workspace and its owner), sessions, invitations, API keys.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
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
        .values({ name: input.workspaceName, slug: await freeSlug(tx, input.workspaceName) })
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

export async function signOut(deps: Deps, token: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

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
  });
}

export async function roleIn(db: Queryable, workspaceId: string, userId: string): Promise<Role | null> {
  const [m] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}

/**
 * Creates an invitation; returns the token once (only its hash is kept). `invitation.created`
 * carries the token to this process's subscribers (the email), never into the stored event.
 */
export async function inviteMember(
  deps: Deps,
  input: { workspaceId: string; email: string; role: Exclude<Role, 'owner'>; invitedBy: string },
) {
  const token = randomToken();
  return unitOfWork(deps, async (tx, record) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        workspaceId: input.workspaceId,
        email: input.email.toLowerCase(),
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
    let [user] = await tx.select().from(users).where(eq(users.email, inv.email));
    if (!user) [user] = await tx.insert(users).values({ email: inv.email, name: input.name, passwordHash }).returning();
    else if (!(await verifyPassword(user.passwordHash, input.password))) {
      throw new AppError('invalid_credentials', 'this email already has an account: use its password to accept');
    }
    await tx
      .insert(memberships)
      .values({ workspaceId: inv.workspaceId, userId: user.id, role: inv.role })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: deps.now() }).where(eq(invitations.id, inv.id));
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

/** Creates an API key; the full key is returned once. */
export async function createApiKey(deps: Deps, input: { workspaceId: string; name: string; createdBy: string }) {
  const key = API_KEY_PREFIX + randomToken(24);
  const [row] = await deps.db
    .insert(apiKeys)
    .values({
      workspaceId: input.workspaceId,
      name: input.name,
      prefix: key.slice(0, 10),
      keyHash: sha256(key),
      createdBy: input.createdBy,
    })
    .returning();
  return { key, apiKey: row };
}

export async function revokeApiKey(deps: Deps, workspaceId: string, id: string): Promise<void> {
  const rows = await deps.db
    .update(apiKeys)
    .set({ revokedAt: deps.now() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, workspaceId)))
    .returning({ id: apiKeys.id });
  if (!rows.length) throw new AppError('not_found', 'no such API key');
}

/** The workspace an API key acts for, or null. */
export async function workspaceForApiKey(deps: Deps, key: string): Promise<string | null> {
  if (!key.startsWith(API_KEY_PREFIX)) return null;
  const [row] = await deps.db
    .update(apiKeys)
    .set({ lastUsedAt: deps.now() })
    .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)))
    .returning({ workspaceId: apiKeys.workspaceId });
  return row?.workspaceId ?? null;
}
