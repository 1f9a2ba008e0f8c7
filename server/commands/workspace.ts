/** Workspace configuration: settings, teams, tags. */
import { and, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client';
import { memberships, tags, teamMembers, teams, workspaces } from '../../db/schema';
import { nextTagColour } from '../../protocol/tag-colours';
import { isTimeZone } from '../domain/hours';
import { readSettings, WorkspaceSettings } from '../domain/settings';
import { AppError } from '../errors';
import { assertTeam, getWorkspace } from '../queries/workspace';
import type { WorkspacePart } from './cached';
import { isUniqueViolation, unitOfWork, type Deps } from './unit';

/** Runs a change of the workspace's configuration and records `workspace.updated` with it. */
export function changeConfig<T>(deps: Deps, workspaceId: string, part: WorkspacePart, fn: (tx: Tx) => Promise<T>) {
  return unitOfWork(deps, async (tx, record) => {
    const result = await fn(tx);
    await record({ workspaceId, name: 'workspace.updated', actorType: 'system', data: { part } });
    return result;
  });
}

/** Merges a partial change into the settings (one level deep per section) and validates the result. */
export async function updateSettings(deps: Deps, workspaceId: string, patch: Record<string, unknown>) {
  // Checked on the way in only: business hours in an unknown zone read as always open, silently.
  const zone = (patch.businessHours as { timezone?: unknown } | undefined)?.timezone;
  if (typeof zone === 'string' && !isTimeZone(zone))
    throw new AppError(
      'invalid_input',
      `businessHours.timezone: "${zone}" is not a time zone; use a name such as America/Los_Angeles`,
    );
  const current = readSettings((await getWorkspace(deps.db, workspaceId)).settings) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue; // not sent: kept
    merged[k] = v && typeof v === 'object' && !Array.isArray(v) ? { ...(current[k] as object), ...v } : v;
  }
  const parsed = WorkspaceSettings.safeParse(merged);
  if (!parsed.success) {
    throw new AppError('invalid_input', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const [w] = await changeConfig(deps, workspaceId, 'settings', (tx) =>
    tx.update(workspaces).set({ settings: parsed.data }).where(eq(workspaces.id, workspaceId)).returning(),
  );
  return w;
}

/** The given users that are members of the workspace (a team takes no one else). */
async function membersAmong(db: Queryable, workspaceId: string, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.workspaceId, workspaceId));
  const allowed = new Set(rows.map((m) => m.userId));
  return userIds.filter((id) => allowed.has(id));
}

/** Creates a team with those of `memberIds` who are members; returns it with its members. */
export async function createTeam(deps: Deps, workspaceId: string, name: string, memberIds: string[] = []) {
  memberIds = await membersAmong(deps.db, workspaceId, memberIds);
  try {
    const [team] = await deps.db.insert(teams).values({ workspaceId, name }).returning();
    if (memberIds.length)
      await deps.db.insert(teamMembers).values(memberIds.map((userId) => ({ teamId: team.id, userId })));
    return { ...team, memberIds };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `a team named "${name}" already exists`);
    throw err;
  }
}

/** Renames a team and sets its members (those who are members of the workspace); records `team.updated`. */
export async function updateTeam(
  deps: Deps,
  input: {
    workspaceId: string;
    teamId: string;
    name: string;
    memberIds: string[];
    /** null: an API key */ by: string | null;
  },
) {
  await assertTeam(deps.db, input.workspaceId, input.teamId);
  const memberIds = await membersAmong(deps.db, input.workspaceId, input.memberIds);
  return unitOfWork(deps, async (tx, record) => {
    await tx.update(teams).set({ name: input.name }).where(eq(teams.id, input.teamId));
    await tx.delete(teamMembers).where(eq(teamMembers.teamId, input.teamId));
    if (memberIds.length)
      await tx.insert(teamMembers).values(memberIds.map((userId) => ({ teamId: input.teamId, userId })));
    await record({
      workspaceId: input.workspaceId,
      name: 'team.updated',
      actorType: input.by ? 'user' : 'api',
      actorId: input.by,
      data: { teamId: input.teamId, name: input.name, memberIds },
    });
    return { id: input.teamId, name: input.name, memberIds };
  });
}

/** Deletes a team: tags that routed to it stop routing (a change of the tags for their caches). */
export async function deleteTeam(deps: Deps, workspaceId: string, teamId: string): Promise<void> {
  await changeConfig(deps, workspaceId, 'tags', (tx) =>
    tx.delete(teams).where(and(eq(teams.id, teamId), eq(teams.workspaceId, workspaceId))),
  );
}

export type TagInput = Pick<
  typeof tags.$inferInsert,
  'name' | 'description' | 'examples' | 'needsHuman' | 'kind' | 'routeTeamId' | 'color'
>;

/** A new tag without a colour takes the next one no tag of the workspace uses (see protocol/tag-colours.ts). */
export async function createTag(deps: Deps, workspaceId: string, input: Omit<TagInput, 'color'> & { color?: string }) {
  if (input.routeTeamId) await assertTeam(deps.db, workspaceId, input.routeTeamId);
  try {
    const [tag] = await changeConfig(deps, workspaceId, 'tags', async (tx) => {
      const color =
        input.color ??
        nextTagColour(
          (await tx.select({ color: tags.color }).from(tags).where(eq(tags.workspaceId, workspaceId))).map(
            (t) => t.color,
          ),
        );
      return tx
        .insert(tags)
        .values({ ...input, color, workspaceId })
        .returning();
    });
    return tag;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `a tag named "${input.name}" already exists`);
    throw err;
  }
}

export async function updateTag(deps: Deps, workspaceId: string, id: string, input: Partial<TagInput>) {
  if (input.routeTeamId) await assertTeam(deps.db, workspaceId, input.routeTeamId);
  if (!Object.keys(input).length) {
    // Nothing to change: answer with the tag as it is.
    const [tag] = await deps.db
      .select()
      .from(tags)
      .where(and(eq(tags.id, id), eq(tags.workspaceId, workspaceId)));
    if (!tag) throw new AppError('not_found', 'no such tag');
    return tag;
  }
  try {
    const [tag] = await changeConfig(deps, workspaceId, 'tags', (tx) =>
      tx
        .update(tags)
        .set(input)
        .where(and(eq(tags.id, id), eq(tags.workspaceId, workspaceId)))
        .returning(),
    );
    if (!tag) throw new AppError('not_found', 'no such tag');
    return tag;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', `a tag named "${input.name}" already exists`);
    throw err;
  }
}

export async function deleteTag(deps: Deps, workspaceId: string, id: string): Promise<void> {
  await changeConfig(deps, workspaceId, 'tags', (tx) =>
    tx.delete(tags).where(and(eq(tags.id, id), eq(tags.workspaceId, workspaceId))),
  );
}
