/** Get started: each first-setup step's state, read from what the workspace really has. */
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { invitations, knowledgeSources, memberships, tags, widgetSightings, workspaces } from '../../db/schema';
import type { GetStartedState } from '../../protocol/onboarding';
import { AppError } from '../errors';
import { widgetSnippet } from '../routes/widget';

export async function getStartedState(
  db: Queryable,
  workspaceId: string,
  opts: { publicUrl: string; now: Date },
): Promise<GetStartedState> {
  const [ws] = await db
    .select({ triedAt: workspaces.assistantTriedAt })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!ws) throw new AppError('not_found', 'no such workspace');
  const [sources, tagRows, seen, [members], [pending]] = await Promise.all([
    db
      .select({
        id: knowledgeSources.id,
        name: knowledgeSources.name,
        status: knowledgeSources.status,
        progress: knowledgeSources.progress,
        error: knowledgeSources.error,
        chunks: knowledgeSources.chunkCount,
      })
      .from(knowledgeSources)
      .where(eq(knowledgeSources.workspaceId, workspaceId))
      .orderBy(knowledgeSources.createdAt),
    db
      .select({ needsHuman: tags.needsHuman, n: count() })
      .from(tags)
      .where(and(eq(tags.workspaceId, workspaceId), eq(tags.kind, 'topic')))
      .groupBy(tags.needsHuman),
    db
      .select({ origin: widgetSightings.origin, at: widgetSightings.lastSeenAt })
      .from(widgetSightings)
      .where(eq(widgetSightings.workspaceId, workspaceId))
      .orderBy(desc(widgetSightings.lastSeenAt))
      .limit(5),
    db.select({ n: count() }).from(memberships).where(eq(memberships.workspaceId, workspaceId)),
    db
      .select({ n: count() })
      .from(invitations)
      .where(
        and(
          eq(invitations.workspaceId, workspaceId),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, opts.now),
        ),
      ),
  ]);
  const ready = sources.filter((s) => s.status === 'ready');
  const chunks = ready.reduce((n, s) => n + s.chunks, 0);
  const topics = tagRows.reduce((n, r) => n + r.n, 0);
  const handoffTopics = tagRows.find((r) => r.needsHuman)?.n ?? 0;
  const state: Omit<GetStartedState, 'done'> = {
    content: {
      done: chunks > 0,
      sources: sources.length,
      ready: ready.length,
      chunks,
      ingesting: sources
        .filter((s) => s.status === 'pending' || s.status === 'ingesting')
        .map((s) => ({ id: s.id, name: s.name, progress: s.progress })),
      failed: sources.filter((s) => s.status === 'error').map((s) => ({ id: s.id, name: s.name, error: s.error })),
    },
    assistant: { done: ws.triedAt !== null, triedAt: ws.triedAt?.toISOString() ?? null },
    // Topics to tag chats with, and at least one that a person should take.
    tags: { done: topics > 0 && handoffTopics > 0, tags: topics, handoffTopics },
    widget: {
      done: seen.length > 0,
      snippet: widgetSnippet(opts.publicUrl, workspaceId),
      seen: seen.map((s) => ({ origin: s.origin, at: s.at.toISOString() })),
    },
    // Someone else is in, or has been invited.
    team: {
      done: (members?.n ?? 0) > 1 || (pending?.n ?? 0) > 0,
      members: members?.n ?? 0,
      invitations: pending?.n ?? 0,
    },
  };
  return {
    ...state,
    done: state.content.done && state.assistant.done && state.tags.done && state.widget.done && state.team.done,
  };
}
