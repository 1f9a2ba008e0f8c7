/**
 * Target breaches per tag: for the handoffs of chats started in a period, how many missed the
 * workspace's first-response target and how many its resolution target (server/domain/targets.ts),
 * per conversation tag; a chat with several tags counts once under each, and once in the total.
 */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { conversations, conversationTags, events, workspaces } from '../../db/schema';
import type { TagBreachRow, TargetBreachData } from '../../protocol/analytics';
import { readSettings } from '../domain/settings';
import { missedTargets } from '../domain/targets';

export async function tagBreaches(
  db: Queryable,
  workspaceId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<TargetBreachData> {
  const [ws] = await db
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const { firstResponseS, resolutionS } = readSettings(ws?.settings).targets;
  const convs = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        gte(conversations.createdAt, from),
        lt(conversations.createdAt, to),
      ),
    );
  const ids = convs.map((c) => c.id);
  const total = { handoffs: 0, firstResponseBreaches: 0, resolutionBreaches: 0 };
  const rows = new Map<string | null, TagBreachRow>();
  const result = (): TargetBreachData => ({
    from: from.toISOString(),
    to: to.toISOString(),
    targets: { firstResponseS, resolutionS },
    total,
    tags: [...rows.values()].sort(
      (a, b) => b.firstResponseBreaches - a.firstResponseBreaches || b.handoffs - a.handoffs,
    ),
  });
  if (!ids.length) return result();
  const evs = await db
    .select({
      id: events.id,
      name: events.name,
      conversationId: events.conversationId,
      actorType: events.actorType,
      data: events.data,
      at: events.createdAt,
    })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, workspaceId),
        inArray(events.conversationId, ids),
        inArray(events.name, ['handoff.created', 'message.created', 'conversation.resolved']),
      ),
    )
    .orderBy(events.id);
  const tagged = await db
    .select({ conversationId: conversationTags.conversationId, tagId: conversationTags.tagId })
    .from(conversationTags)
    .where(inArray(conversationTags.conversationId, ids));
  const byConv = new Map<string, typeof evs>();
  for (const e of evs) byConv.set(e.conversationId!, [...(byConv.get(e.conversationId!) ?? []), e]);
  for (const [conversationId, list] of byConv) {
    const handoff = list.find((e) => e.name === 'handoff.created');
    if (!handoff) continue;
    const reply = list.find(
      (e) => e.name === 'message.created' && e.actorType === 'user' && e.data.kind === 'text' && e.id > handoff.id,
    );
    const resolved = list.find((e) => e.name === 'conversation.resolved' && e.id > handoff.id);
    const missed = missedTargets(
      {
        handoffAt: handoff.at.getTime(),
        firstReplyAt: reply?.at.getTime() ?? null,
        resolvedAt: resolved?.at.getTime() ?? null,
        now: now.getTime(),
      },
      { firstResponseS, resolutionS },
    );
    const tagIds = tagged.filter((t) => t.conversationId === conversationId).map((t) => t.tagId);
    for (const row of [total, ...(tagIds.length ? tagIds : [null]).map((tagId) => rowOf(rows, tagId))]) {
      row.handoffs++;
      if (missed.firstResponse) row.firstResponseBreaches++;
      if (missed.resolution) row.resolutionBreaches++;
    }
  }
  return result();
}

function rowOf(rows: Map<string | null, TagBreachRow>, tagId: string | null): TagBreachRow {
  let row = rows.get(tagId);
  if (!row) rows.set(tagId, (row = { tagId, handoffs: 0, firstResponseBreaches: 0, resolutionBreaches: 0 }));
  return row;
}
