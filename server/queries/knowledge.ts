/** A workspace's knowledge sources, and one passage to show on its own page. */
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { knowledgeChunks, knowledgeSources, workspaces } from '../../db/schema';

/** Sources, newest first. */
export async function sourcesOf(db: Queryable, workspaceId: string) {
  return db
    .select()
    .from(knowledgeSources)
    .where(eq(knowledgeSources.workspaceId, workspaceId))
    .orderBy(desc(knowledgeSources.createdAt));
}

/** A cited passage with its source's name and the workspace's (null when it is gone). */
export async function passage(db: Queryable, workspaceId: string, chunkId: string) {
  const [chunk] = await db
    .select({
      title: knowledgeChunks.title,
      text: knowledgeChunks.text,
      headingPath: knowledgeChunks.headingPath,
      source: knowledgeSources.name,
    })
    .from(knowledgeChunks)
    .innerJoin(knowledgeSources, eq(knowledgeSources.id, knowledgeChunks.sourceId))
    .where(and(eq(knowledgeChunks.id, chunkId), eq(knowledgeChunks.workspaceId, workspaceId)));
  if (!chunk) return null;
  const [w] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return { ...chunk, workspaceName: w?.name ?? '' };
}

/** The id of the workspace with this slug (the demo's), if there is one. */
export async function workspaceIdBySlug(db: Queryable, slug: string): Promise<string | null> {
  const [w] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
  return w?.id ?? null;
}
