/**
 * Sources a server was reading when it died stay "ingesting" in the database. At start they are
 * taken up again: a web source is read again from its URL; an upload or a typed Q&A, whose bytes
 * were never stored, is marked failed with what to do ("upload it again").
 *
 * Only orphans are touched: on the embedded database this process is the only one (the data
 * directory is locked); on PostgreSQL only when no other instance is connected (each names its
 * connections `chatref <id>`), since a live one may be reading them.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { knowledgeSources } from '../../db/schema';
import { unitOfWork, type Deps } from '../commands/unit';
import type { Knowledge, Source } from './knowledge';

export const INTERRUPTED = 'INTERRUPTED';

/** Whether another instance of the server has a connection to this PostgreSQL database. */
async function otherInstanceConnected(deps: Deps, ownName: string): Promise<boolean> {
  const rows = await deps.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name like 'chatref %' and application_name <> ${ownName}`,
  );
  const list = (rows as unknown as { rows?: { n: number }[] }).rows ?? (rows as unknown as { n: number }[]);
  return (list[0]?.n ?? 0) > 0;
}

/**
 * Resumes or fails the sources left mid-ingest. Returns the web sources being read again (their
 * `done` settles when each has finished) and the ids of those marked failed.
 */
export async function recoverSources(
  deps: Deps,
  knowledge: Knowledge,
  opts: { driver: 'pglite' | 'postgres'; instanceName?: string; logger?: Logger },
): Promise<{ resumed: { id: string; done: Promise<Source> }[]; failed: string[] }> {
  if (opts.driver === 'postgres' && (await otherInstanceConnected(deps, opts.instanceName ?? ''))) {
    opts.logger?.info('another instance is running: sources being ingested are left to it');
    return { resumed: [], failed: [] };
  }
  const stuck = await deps.db
    .select()
    .from(knowledgeSources)
    .where(inArray(knowledgeSources.status, ['ingesting', 'pending']));
  const resumed: { id: string; done: Promise<Source> }[] = [];
  const failed: string[] = [];
  for (const s of stuck) {
    if ((s.kind === 'url' || s.kind === 'crawl' || s.kind === 'sitemap') && s.uri) {
      const input = s.kind === 'url' ? { kind: 'url' as const, url: s.uri } : { kind: 'crawl' as const, url: s.uri };
      resumed.push({ id: s.id, done: knowledge.ingest(s, input) });
      continue;
    }
    const what = s.kind === 'qa' ? 'this Q&A entry; add it again' : 'this file; upload it again';
    await unitOfWork(deps, async (tx, record) => {
      const [row] = await tx
        .update(knowledgeSources)
        .set({ status: 'error', progress: 0, error: `The server stopped while reading ${what} (${INTERRUPTED})` })
        .where(and(eq(knowledgeSources.id, s.id), eq(knowledgeSources.workspaceId, s.workspaceId)))
        .returning();
      await record({
        workspaceId: s.workspaceId,
        name: 'knowledge.source.updated',
        actorType: 'system',
        data: { sourceId: s.id, status: row.status, progress: row.progress },
      });
    });
    failed.push(s.id);
  }
  if (stuck.length)
    opts.logger?.info({ resumed: resumed.length, failed: failed.length }, 'sources left mid-ingest taken up');
  return { resumed, failed };
}
