/**
 * Target breaches per tag: for the handoffs of chats started in a period, how many missed the
 * workspace's first-response target and how many its resolution target (server/domain/targets.ts),
 * per conversation tag; a chat with several tags counts once under each, and once in the total.
 */
import { eq, sql } from 'drizzle-orm';
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
  // One statement: each chat's first handoff, its first answer and resolve after it (through the
  // (workspace, conversation) index of events), and its tags. Loading every event of the period
  // instead held the embedded database's thread for long on a shop with weeks of history.
  const res = await db.execute(sql`
    with h as (
      select distinct on (e.conversation_id) e.conversation_id, e.id, e.created_at
      from ${events} e
      join ${conversations} c on c.id = e.conversation_id
      where e.workspace_id = ${workspaceId}::uuid and e.name = 'handoff.created'
        and c.workspace_id = ${workspaceId}::uuid
        and c.created_at >= ${from.toISOString()}::timestamptz and c.created_at < ${to.toISOString()}::timestamptz
      order by e.conversation_id, e.id
    )
    select h.conversation_id as "conversationId",
      extract(epoch from h.created_at) * 1000 as "handoffAt",
      extract(epoch from (select min(m.created_at) from ${events} m
        where m.workspace_id = ${workspaceId}::uuid and m.conversation_id = h.conversation_id
          and m.name = 'message.created' and m.actor_type = 'user' and m.data->>'kind' = 'text' and m.id > h.id)) * 1000
        as "firstReplyAt",
      extract(epoch from (select min(x.created_at) from ${events} x
        where x.workspace_id = ${workspaceId}::uuid and x.conversation_id = h.conversation_id
          and x.name = 'conversation.resolved' and x.id > h.id)) * 1000 as "resolvedAt",
      ct.tag_id as "tagId"
    from h left join ${conversationTags} ct on ct.conversation_id = h.conversation_id`);
  type Row = {
    conversationId: string;
    handoffAt: unknown;
    firstReplyAt: unknown;
    resolvedAt: unknown;
    tagId: string | null;
  };
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const byConv = new Map<string, Row[]>();
  for (const r of (res as unknown as { rows: Row[] }).rows) {
    const list = byConv.get(r.conversationId);
    if (list) list.push(r);
    else byConv.set(r.conversationId, [r]);
  }
  for (const list of byConv.values()) {
    const [first] = list;
    const missed = missedTargets(
      {
        handoffAt: num(first.handoffAt) ?? 0,
        firstReplyAt: num(first.firstReplyAt),
        resolvedAt: num(first.resolvedAt),
        now: now.getTime(),
      },
      { firstResponseS, resolutionS },
    );
    const tagIds = list.map((r) => r.tagId).filter((t): t is string => t !== null);
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
