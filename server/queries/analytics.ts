/**
 * The tag feed: per tag over a period — handoffs, share of chats, human minutes (counted once,
 * split between tags), first-response and resolution times, trend against the previous period —
 * and overall figures. Human minutes follow server/domain/human-time.ts.
 */
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { agentActivity, conversations, conversationTags, events, messages, tags, users } from '../../db/schema';
import { activeTime, ownershipSpans, splitByTags, type Moment, type OwnershipEvent } from '../domain/human-time';
import type { TagFeedData, TagFeedRow } from '../../protocol/analytics';
import type { Deps } from '../commands/unit';

export type TagRow = TagFeedRow;
export type TagFeed = TagFeedData;

const OWNERSHIP = [
  'conversation.assigned',
  'conversation.reopened',
  'conversation.unassigned',
  'conversation.resolved',
  'conversation.handed_back',
] as const;
const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

interface PeriodData {
  chats: string[];
  handoffs: Map<string, { at: number; reason: string }>;
  humanMs: Map<string, Map<string, number>>;
  firstResponse: Map<string, number>;
  resolution: Map<string, number>;
  /** Chats the bot replied to, and whether any reply was a cited answer (not "I'm not sure"). */
  botReplied: Map<string, { cited: boolean }>;
}

/**
 * A bot reply that answered: not an abstention ("I'm not sure") and not the handoff goodbye.
 * The product's answers always cite their passages; rows without the field (the demo's history)
 * are answers too.
 */
const ANSWERED = sql<boolean>`bool_or(
  coalesce((${messages.meta}->>'abstained')::boolean, false) = false
  and ${messages.meta}->>'handoff' is null
  and (jsonb_typeof(${messages.meta}->'citations') is distinct from 'array'
    or jsonb_array_length(${messages.meta}->'citations') > 0))`;

async function period(deps: Deps, workspaceId: string, from: Date, to: Date): Promise<PeriodData> {
  const convs = await deps.db
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
  const data: PeriodData = {
    chats: ids,
    handoffs: new Map(),
    humanMs: new Map(),
    firstResponse: new Map(),
    resolution: new Map(),
    botReplied: new Map(),
  };
  if (!ids.length) return data;
  const replies = await deps.db
    .select({ conversationId: messages.conversationId, cited: ANSWERED })
    .from(messages)
    .where(
      and(
        eq(messages.workspaceId, workspaceId),
        inArray(messages.conversationId, ids),
        eq(messages.authorType, 'bot'),
        eq(messages.kind, 'text'),
      ),
    )
    .groupBy(messages.conversationId);
  for (const r of replies) data.botReplied.set(r.conversationId, { cited: r.cited === true });
  const evs = await deps.db
    .select()
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), inArray(events.conversationId, ids)))
    .orderBy(events.id);
  const activity = await deps.db
    .select()
    .from(agentActivity)
    .where(and(eq(agentActivity.workspaceId, workspaceId), inArray(agentActivity.conversationId, ids)));
  const now = deps.now().getTime();
  const byConv = new Map<string, typeof evs>();
  for (const e of evs) byConv.set(e.conversationId!, [...(byConv.get(e.conversationId!) ?? []), e]);
  for (const id of ids) {
    const list = byConv.get(id) ?? [];
    const handoff = list.find((e) => e.name === 'handoff.created');
    if (handoff) {
      data.handoffs.set(id, { at: handoff.createdAt.getTime(), reason: String(handoff.data.reason ?? 'unknown') });
      const firstReply = list.find(
        (e) => e.name === 'message.created' && e.actorType === 'user' && e.data.kind === 'text' && e.id > handoff.id,
      );
      if (firstReply) data.firstResponse.set(id, firstReply.createdAt.getTime() - handoff.createdAt.getTime());
      const resolved = list.find((e) => e.name === 'conversation.resolved' && e.id > handoff.id);
      if (resolved) data.resolution.set(id, resolved.createdAt.getTime() - handoff.createdAt.getTime());
    }
    const ownership: OwnershipEvent[] = list
      .filter((e) => (OWNERSHIP as readonly string[]).includes(e.name))
      .map((e) => ({
        name: e.name as OwnershipEvent['name'],
        at: e.createdAt.getTime(),
        assigneeId: (e.data.assigneeId as string | undefined) ?? null,
      }));
    const moments: Moment[] = [
      ...list
        .filter((e) => e.name === 'message.created' && e.actorType === 'user' && e.actorId)
        .map((e) => ({ userId: e.actorId!, at: e.createdAt.getTime() })),
      ...activity.filter((a) => a.conversationId === id).map((a) => ({ userId: a.userId, at: a.at.getTime() })),
    ];
    data.humanMs.set(id, activeTime(ownershipSpans(ownership, now), moments));
  }
  return data;
}

/**
 * How each chat ended, counted once: handed to a person (whatever the AI said before), answered
 * by the AI (a cited answer and no handoff), AI not sure (only "I'm not sure" replies), or no
 * reply from the AI at all.
 */
function outcomes(d: PeriodData): Pick<TagFeed, 'answeredByAi' | 'aiNotSure' | 'noAiReply'> {
  let answeredByAi = 0;
  let aiNotSure = 0;
  let noAiReply = 0;
  for (const id of d.chats) {
    if (d.handoffs.has(id)) continue;
    const replied = d.botReplied.get(id);
    if (!replied) noAiReply++;
    else if (replied.cited) answeredByAi++;
    else aiNotSure++;
  }
  return { answeredByAi, aiNotSure, noAiReply };
}

/** The tag feed for [from, to), compared with the period of the same length just before it. */
export async function tagFeed(deps: Deps, workspaceId: string, from: Date, to: Date): Promise<TagFeed> {
  const length = to.getTime() - from.getTime();
  const [cur, prev] = await Promise.all([
    period(deps, workspaceId, from, to),
    period(deps, workspaceId, new Date(from.getTime() - length), from),
  ]);
  const tagRows = await deps.db.select().from(tags).where(eq(tags.workspaceId, workspaceId));
  const allIds = [...cur.chats, ...prev.chats];
  const links = allIds.length
    ? await deps.db.select().from(conversationTags).where(inArray(conversationTags.conversationId, allIds))
    : [];
  const tagsOf = (id: string) => links.filter((l) => l.conversationId === id).map((l) => l.tagId);
  const total = (d: PeriodData) =>
    new Map([...d.humanMs].map(([id, per]) => [id, [...per.values()].reduce((a, b) => a + b, 0)]));
  const curTotals = total(cur);
  const prevTotals = total(prev);
  const curByTag = splitByTags(curTotals, tagsOf);
  const prevByTag = splitByTags(prevTotals, tagsOf);

  const rows: TagRow[] = [];
  const keys = [...tagRows.map((t) => t.id), ''];
  for (const key of keys) {
    const tag = tagRows.find((t) => t.id === key);
    const convIds = cur.chats.filter((id) =>
      key ? tagsOf(id).includes(key) : tagsOf(id).length === 0 && cur.handoffs.has(id),
    );
    const handoffs = convIds.filter((id) => cur.handoffs.has(id)).length;
    const prevHandoffs = prev.chats.filter(
      (id) => prev.handoffs.has(id) && (key ? tagsOf(id).includes(key) : tagsOf(id).length === 0),
    ).length;
    const ms = curByTag.get(key) ?? 0;
    if (!tag && !handoffs && !ms) continue;
    const fr = median(convIds.map((id) => cur.firstResponse.get(id)).filter((x): x is number => x !== undefined));
    const res = median(convIds.map((id) => cur.resolution.get(id)).filter((x): x is number => x !== undefined));
    rows.push({
      tagId: tag?.id ?? null,
      name: tag?.name ?? '(untagged)',
      color: tag?.color ?? '#94a3b8',
      handoffs,
      conversations: convIds.length,
      share: cur.chats.length ? convIds.length / cur.chats.length : 0,
      humanMinutes: round(ms / 60_000),
      minutesPerChat: convIds.length ? round(ms / 60_000 / convIds.length) : 0,
      firstResponseMinutes: fr === null ? null : round(fr / 60_000),
      resolutionMinutes: res === null ? null : round(res / 60_000),
      previous: { handoffs: prevHandoffs, humanMinutes: round((prevByTag.get(key) ?? 0) / 60_000) },
    });
  }
  rows.sort((a, b) => b.humanMinutes - a.humanMinutes || b.handoffs - a.handoffs);

  const perAgent = new Map<string, number>();
  for (const per of cur.humanMs.values()) for (const [u, ms] of per) perAgent.set(u, (perAgent.get(u) ?? 0) + ms);
  const names = perAgent.size
    ? await deps.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, [...perAgent.keys()]))
    : [];
  const reasons: Record<string, number> = {};
  for (const h of cur.handoffs.values()) reasons[h.reason] = (reasons[h.reason] ?? 0) + 1;

  const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const days: TagFeed['daily'] = [];
  for (
    let d = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
    d < to.getTime();
    d += 86_400_000
  )
    days.push({ day: dayKey(d), handoffs: {} });
  for (const [id, h] of cur.handoffs) {
    const day = days.find((x) => x.day === dayKey(h.at));
    if (!day) continue;
    const ts = tagsOf(id);
    for (const t of ts.length ? ts.map((x) => tagRows.find((r) => r.id === x)?.name ?? '?') : ['(untagged)'])
      day.handoffs[t] = (day.handoffs[t] ?? 0) + 1;
  }

  const totalMs = [...curTotals.values()].reduce((a, b) => a + b, 0);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    chats: cur.chats.length,
    handedOff: cur.handoffs.size,
    ...outcomes(cur),
    humanMinutes: round(totalMs / 60_000),
    reasons,
    tags: rows,
    agents: [...perAgent].map(([userId, ms]) => ({
      userId,
      name: names.find((n) => n.id === userId)?.name ?? 'Former member',
      humanMinutes: round(ms / 60_000),
    })),
    daily: days,
  };
}

/** Conversations behind one tag in the period (the drill-down). */
export async function conversationsForTag(deps: Deps, workspaceId: string, tagId: string | null, from: Date, to: Date) {
  const cur = await period(deps, workspaceId, from, to);
  const links = cur.chats.length
    ? await deps.db.select().from(conversationTags).where(inArray(conversationTags.conversationId, cur.chats))
    : [];
  return cur.chats
    .filter((id) => {
      const ts = links.filter((l) => l.conversationId === id).map((l) => l.tagId);
      return tagId ? ts.includes(tagId) : ts.length === 0 && cur.handoffs.has(id);
    })
    .map((id) => ({
      conversationId: id,
      handoffReason: cur.handoffs.get(id)?.reason ?? null,
      humanMinutes: round([...(cur.humanMs.get(id)?.values() ?? [])].reduce((a, b) => a + b, 0) / 60_000),
    }));
}

/** Human minutes per conversation created in the period (for ranking knowledge gaps). */
export async function tagFeedMinutes(
  deps: Deps,
  workspaceId: string,
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  const d = await period(deps, workspaceId, from, to);
  return new Map([...d.humanMs].map(([id, per]) => [id, [...per.values()].reduce((a, b) => a + b, 0) / 60_000]));
}
