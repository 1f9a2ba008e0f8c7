/** Test data factories: each returns rows made through the real commands. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { memberships, users, type Role } from '../db/schema';
import { hashPassword } from '../server/auth/tokens';
import { signUp } from '../server/commands/accounts';
import { contactForVisitor, startConversation } from '../server/commands/conversations';
import type { Deps } from '../server/commands/unit';
import { EventBus } from '../server/events/bus';

export const uid = (): string => randomBytes(4).toString('hex');

export function makeDeps(db: Db, now: () => Date = () => new Date()): Deps {
  return { db, bus: new EventBus(), now };
}

export async function makeWorkspace(deps: Deps, overrides: { email?: string; password?: string } = {}) {
  const password = overrides.password ?? 'correct horse battery';
  const { user, workspace } = await signUp(deps, {
    email: overrides.email ?? `owner-${uid()}@example.com`,
    password,
    name: 'Owner',
    workspaceName: `Shop ${uid()}`,
  });
  return { owner: user, workspace, password };
}

let cachedHash: Promise<string> | null = null;

/** Adds a member with a role directly (invitations have their own tests). */
export async function makeMember(deps: Deps, workspaceId: string, role: Role = 'agent', name = 'Agent') {
  cachedHash ??= hashPassword('correct horse battery');
  const [user] = await deps.db
    .insert(users)
    .values({ email: `${role}-${uid()}@example.com`, name, passwordHash: await cachedHash })
    .returning();
  await deps.db.insert(memberships).values({ workspaceId, userId: user.id, role });
  return user;
}

export async function makeConversation(deps: Deps, workspaceId: string, visitorId = `v-${uid()}`) {
  const contact = await contactForVisitor(deps.db, workspaceId, visitorId);
  const conversation = await startConversation(deps, { workspaceId, contactId: contact.id });
  return { contact, conversation };
}
