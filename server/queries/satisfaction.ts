/**
 * Satisfaction over a period: ratings counted for chats a person worked and for chats the AI had
 * alone, per tag of the rated chat and per agent who had it, with the comments.
 */
import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { conversationTags, satisfactionRatings, tags, users } from '../../db/schema';
import type { SatisfactionCounts, SatisfactionData } from '../../protocol/analytics';

const UNTAGGED = { name: 'Untagged', color: '#94a3b8' };

export function countRatings(rows: { rating: 'good' | 'okay' | 'bad' }[]): SatisfactionCounts {
  const c = { good: 0, okay: 0, bad: 0 };
  for (const r of rows) c[r.rating]++;
  const total = rows.length;
  return { ...c, total, goodShare: total ? c.good / total : null };
}

/** Every rating given in [from, to), newest first, with its agent's name and its chat's tag names. */
export async function ratingsIn(db: Queryable, workspaceId: string, from: Date, to: Date) {
  const rows = await db
    .select({ r: satisfactionRatings, agentName: users.name })
    .from(satisfactionRatings)
    .leftJoin(users, eq(users.id, satisfactionRatings.agentId))
    .where(
      and(
        eq(satisfactionRatings.workspaceId, workspaceId),
        gte(satisfactionRatings.createdAt, from),
        lt(satisfactionRatings.createdAt, to),
      ),
    )
    .orderBy(desc(satisfactionRatings.createdAt));
  const ids = [...new Set(rows.map((x) => x.r.conversationId))];
  const tagged = ids.length
    ? await db
        .select({ conversationId: conversationTags.conversationId, tagId: tags.id, name: tags.name, color: tags.color })
        .from(conversationTags)
        .innerJoin(tags, eq(tags.id, conversationTags.tagId))
        .where(and(eq(tags.workspaceId, workspaceId), inArray(conversationTags.conversationId, ids)))
    : [];
  const tagsOf = new Map<string, typeof tagged>();
  for (const t of tagged) tagsOf.set(t.conversationId, [...(tagsOf.get(t.conversationId) ?? []), t]);
  return rows.map(({ r, agentName }) => ({ ...r, agentName, tagList: tagsOf.get(r.conversationId) ?? [] }));
}

export async function satisfaction(
  db: Queryable,
  workspaceId: string,
  from: Date,
  to: Date,
): Promise<SatisfactionData> {
  const rows = await ratingsIn(db, workspaceId, from, to);
  const byTag = new Map<string, { tagId: string | null; name: string; color: string; rows: typeof rows }>();
  for (const r of rows) {
    const list = r.tagList.length ? r.tagList : [{ tagId: null, ...UNTAGGED }];
    for (const t of list) {
      const key = t.tagId ?? 'untagged';
      const entry = byTag.get(key) ?? { tagId: t.tagId, name: t.name, color: t.color, rows: [] };
      entry.rows.push(r);
      byTag.set(key, entry);
    }
  }
  const byAgent = new Map<string, { name: string; rows: typeof rows }>();
  for (const r of rows) {
    if (!r.agentId || r.handledBy !== 'human') continue;
    const entry = byAgent.get(r.agentId) ?? { name: r.agentName ?? 'Former member', rows: [] };
    entry.rows.push(r);
    byAgent.set(r.agentId, entry);
  }
  const split = (list: typeof rows) => ({
    human: countRatings(list.filter((r) => r.handledBy === 'human')),
    ai: countRatings(list.filter((r) => r.handledBy === 'ai')),
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    ...split(rows),
    tags: [...byTag.values()]
      .map((t) => ({ tagId: t.tagId, name: t.name, color: t.color, ...split(t.rows) }))
      .sort((a, b) => b.human.total + b.ai.total - (a.human.total + a.ai.total)),
    agents: [...byAgent.entries()]
      .map(([userId, a]) => ({ userId, name: a.name, counts: countRatings(a.rows) }))
      .sort((a, b) => b.counts.total - a.counts.total),
    comments: rows
      .filter((r) => r.comment)
      .slice(0, 100)
      .map((r) => ({
        conversationId: r.conversationId,
        rating: r.rating,
        comment: r.comment!,
        handledBy: r.handledBy,
        agentName: r.agentName,
        tags: r.tagList.map((t) => t.name),
        createdAt: r.createdAt.toISOString(),
      })),
  };
}
