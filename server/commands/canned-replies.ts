/**
 * Canned replies: saved answers shared by every member of a workspace, inserted with `/` in the
 * reply box. Each change records `workspace.updated` (part "canned") with it.
 */
import { and, eq } from 'drizzle-orm';
import { cannedReplies } from '../../db/schema';
import { AppError } from '../errors';
import { isUniqueViolation, unitOfWork, type Deps } from './unit';

export interface CannedReplyInput {
  shortcut: string;
  body: string;
}

function taken(shortcut: string): AppError {
  return new AppError('conflict', `a canned reply with the shortcut "/${shortcut}" already exists`);
}

export async function createCannedReply(
  deps: Deps,
  input: CannedReplyInput & { workspaceId: string; userId: string | null },
) {
  try {
    return await unitOfWork(deps, async (tx, record) => {
      const [row] = await tx
        .insert(cannedReplies)
        .values({ workspaceId: input.workspaceId, shortcut: input.shortcut, body: input.body, createdBy: input.userId })
        .returning();
      await record({
        workspaceId: input.workspaceId,
        name: 'workspace.updated',
        actorType: input.userId ? 'user' : 'api',
        actorId: input.userId,
        data: { part: 'canned', id: row.id, action: 'created' },
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw taken(input.shortcut);
    throw err;
  }
}

export async function updateCannedReply(
  deps: Deps,
  input: Partial<CannedReplyInput> & { workspaceId: string; id: string; userId: string | null },
) {
  const patch = Object.fromEntries(
    Object.entries({ shortcut: input.shortcut, body: input.body }).filter(([, v]) => v !== undefined),
  );
  try {
    return await unitOfWork(deps, async (tx, record) => {
      const [row] = await tx
        .update(cannedReplies)
        .set({ ...patch, updatedAt: deps.now() })
        .where(and(eq(cannedReplies.id, input.id), eq(cannedReplies.workspaceId, input.workspaceId)))
        .returning();
      if (!row) throw new AppError('not_found', 'no such canned reply');
      await record({
        workspaceId: input.workspaceId,
        name: 'workspace.updated',
        actorType: input.userId ? 'user' : 'api',
        actorId: input.userId,
        data: { part: 'canned', id: row.id, action: 'updated' },
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw taken(input.shortcut ?? '');
    throw err;
  }
}

export async function deleteCannedReply(
  deps: Deps,
  input: { workspaceId: string; id: string; userId: string | null },
): Promise<void> {
  await unitOfWork(deps, async (tx, record) => {
    const [row] = await tx
      .delete(cannedReplies)
      .where(and(eq(cannedReplies.id, input.id), eq(cannedReplies.workspaceId, input.workspaceId)))
      .returning({ id: cannedReplies.id });
    if (!row) throw new AppError('not_found', 'no such canned reply');
    await record({
      workspaceId: input.workspaceId,
      name: 'workspace.updated',
      actorType: input.userId ? 'user' : 'api',
      actorId: input.userId,
      data: { part: 'canned', id: row.id, action: 'deleted' },
    });
  });
}

/** A shortcut from a reply's first words ("Could you share your order number…" → "could-you-share"). */
export function shortcutFor(body: string, taken: ReadonlySet<string>): string {
  const words = body
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3);
  const base = (words.join('-') || 'reply').slice(0, 30);
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base}-${i}`;
  return candidate;
}

/**
 * Imports replies a browser kept before they were shared (its old local list): bodies the
 * workspace already has are skipped, each new one gets a shortcut from its first words.
 */
export async function importCannedReplies(
  deps: Deps,
  input: { workspaceId: string; userId: string | null; bodies: string[] },
) {
  return unitOfWork(deps, async (tx, record) => {
    const existing = await tx
      .select({ shortcut: cannedReplies.shortcut, body: cannedReplies.body })
      .from(cannedReplies)
      .where(eq(cannedReplies.workspaceId, input.workspaceId));
    const shortcuts = new Set(existing.map((r) => r.shortcut));
    const bodies = new Set(existing.map((r) => r.body.trim()));
    const added = [];
    for (const raw of input.bodies) {
      const body = raw.trim();
      if (!body || bodies.has(body)) continue;
      const shortcut = shortcutFor(body, shortcuts);
      shortcuts.add(shortcut);
      bodies.add(body);
      const [row] = await tx
        .insert(cannedReplies)
        .values({ workspaceId: input.workspaceId, shortcut, body, createdBy: input.userId })
        .returning();
      added.push(row);
    }
    if (added.length)
      await record({
        workspaceId: input.workspaceId,
        name: 'workspace.updated',
        actorType: input.userId ? 'user' : 'api',
        actorId: input.userId,
        data: { part: 'canned', action: 'imported', count: added.length },
      });
    return added;
  });
}
