/**
 * The Riff & Rhythm demo workspace, created on first start with an empty database:
 * an admin, two agents in two teams, tags (with examples and routing), and the shop's knowledge.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { agentPresence, knowledgeSources, memberships, users, workspaces } from '../db/schema';
import { hashPassword } from '../server/auth/tokens';
import { signUp } from '../server/commands/accounts';
import type { Deps } from '../server/commands/unit';
import { createCannedReply } from '../server/commands/canned-replies';
import { createTag, createTeam, updateSettings } from '../server/commands/workspace';
import { seedHistory } from './history';
import { DEMO_TAGS } from './tags';

export const DEMO_SLUG = 'riff-rhythm';
export const DEMO_ADMIN_EMAIL = 'admin@riffandrhythm.example';
export const DEMO_AGENTS = [
  { email: 'marcus@riffandrhythm.example', name: 'Marcus Bell', team: 'Drums' },
  { email: 'dana@riffandrhythm.example', name: 'Dana Okafor', team: 'Guitars' },
] as const;

export interface DemoResult {
  created: boolean;
  workspaceId: string;
  admin: { email: string; password: string };
  agents: string[];
}

/** A readable generated password (printed once on first start). */
function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Creates the demo workspace when no workspace exists yet; otherwise reports the existing one. */
const DEMO_CANNED_REPLIES = [
  { shortcut: 'hello', body: 'Hi! Thanks for waiting — I’m reading through your conversation now.' },
  { shortcut: 'order-number', body: 'Could you share your order number so I can look this up?' },
  { shortcut: 'anything-else', body: 'Thanks! Is there anything else I can help you with?' },
];

export async function seedDemoIfEmpty(
  deps: Deps,
  admin: { email: string | null; password: string | null },
): Promise<DemoResult | null> {
  const [existing] = await deps.db.select().from(workspaces).limit(1);
  const email = admin.email ?? DEMO_ADMIN_EMAIL;
  if (existing) {
    const [demo] = await deps.db.select().from(workspaces).where(eq(workspaces.slug, DEMO_SLUG));
    return demo
      ? {
          created: false,
          workspaceId: demo.id,
          admin: { email, password: '' },
          agents: DEMO_AGENTS.map((a) => a.email),
        }
      : null;
  }
  const password = admin.password ?? generatePassword();
  const { workspace } = await signUp(deps, { email, password, name: 'Priya Shah', workspaceName: 'Riff & Rhythm' });
  const passwordHash = await hashPassword(password);
  const teamIds: Record<string, string> = {};
  for (const agent of DEMO_AGENTS) {
    const [user] = await deps.db
      .insert(users)
      .values({ email: agent.email, name: agent.name, passwordHash })
      .returning();
    await deps.db.insert(memberships).values({ workspaceId: workspace.id, userId: user.id, role: 'agent' });
    await deps.db
      .insert(agentPresence)
      .values({ workspaceId: workspace.id, userId: user.id, status: 'offline', capacity: 5 });
    const team = await createTeam(deps, workspace.id, agent.team, [user.id]);
    teamIds[agent.team] = team.id;
  }
  for (const tag of DEMO_TAGS) {
    await createTag(deps, workspace.id, {
      name: tag.name,
      description: tag.description,
      examples: tag.examples,
      needsHuman: tag.needsHuman,
      kind: tag.kind,
      color: tag.color,
      routeTeamId: tag.team ? teamIds[tag.team] : null,
    });
  }
  // The replies every browser used to start with, now the workspace's to share and change.
  for (const r of DEMO_CANNED_REPLIES) await createCannedReply(deps, { ...r, workspaceId: workspace.id, userId: null });
  await updateSettings(deps, workspace.id, {
    widget: {
      greeting: 'Hi! I’m the Riff & Rhythm assistant. Ask me about orders, repairs, lessons or gear.',
      botName: 'Riff & Rhythm assistant',
      color: '#b4462b',
    },
    businessHours: {
      enabled: false,
      timezone: 'America/Los_Angeles',
      days: {
        '1': { open: '10:00', close: '19:00' },
        '2': { open: '10:00', close: '19:00' },
        '3': { open: '10:00', close: '19:00' },
        '4': { open: '10:00', close: '19:00' },
        '5': { open: '10:00', close: '20:00' },
        '6': { open: '10:00', close: '18:00' },
      },
    },
  });
  return {
    created: true,
    workspaceId: workspace.id,
    admin: { email, password },
    agents: DEMO_AGENTS.map((a) => a.email),
  };
}

/**
 * The demo shop's pages and three weeks of past conversations: the slow part of a first start
 * (seconds), so the server runs it after it is ready. Runs again on the next start if the pages
 * were not in yet; a start stopped while the past chats were written keeps the ones written.
 */
export async function seedDemoContent(
  deps: Deps,
  workspaceId: string,
  loadKnowledge?: (workspaceId: string) => Promise<void>,
): Promise<void> {
  const [hasKnowledge] = await deps.db
    .select({ id: knowledgeSources.id })
    .from(knowledgeSources)
    .where(eq(knowledgeSources.workspaceId, workspaceId))
    .limit(1);
  if (hasKnowledge) return;
  // The pages first: the AI can answer from them while the past chats are still being written.
  if (loadKnowledge) await loadKnowledge(workspaceId);
  await seedHistory(deps, workspaceId);
}
