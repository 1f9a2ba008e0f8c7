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

/** Two pages of a coffee roaster's content, for tests of a new shop that is not the demo. */
export const ROASTER_SHIPPING = `# Shipping and delivery

## Delivery times
We roast on Mondays and Thursdays and ship the same day. Orders within the country arrive in 2 to 4
business days; tracking is emailed when the parcel leaves the roastery.

## Shipping costs
Shipping is free on orders over 40 dollars. Below that, a flat 6 dollar fee applies.
`;
export const ROASTER_BREWING = `# Brewing guide

## Grind size for French press
Use a coarse grind, like sea salt, and steep for four minutes before pressing.

## Storing your beans
Keep beans in an airtight container away from light. Whole beans stay fresh for about a month.
`;
