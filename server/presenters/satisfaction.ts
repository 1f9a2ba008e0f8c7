/**
 * Satisfaction for spreadsheets: one row per rating with its comment, and the per-tag columns the
 * tag feed's CSV gains. Visitor text goes through formulaSafe (server/http/csv.ts).
 */
import { stringify } from 'csv-stringify/sync';
import type { SatisfactionCounts, SatisfactionData } from '../../protocol/analytics';
import { formulaSafe } from '../http/csv';
import type { ratingsIn } from '../queries/satisfaction';

export function ratingsCsv(rows: Awaited<ReturnType<typeof ratingsIn>>): string {
  return stringify(
    rows.map((r) => ({
      rated_at: r.createdAt.toISOString(),
      conversation_id: r.conversationId,
      rating: r.rating,
      comment: r.comment ?? '',
      handled_by: r.handledBy === 'ai' ? 'ai_only' : 'person',
      agent: r.agentName ?? '',
      tags: r.tagList.map((t) => t.name).join('; '),
    })),
    { header: true, cast: { string: formulaSafe } },
  );
}

const both = (t: { human: SatisfactionCounts; ai: SatisfactionCounts }, k: 'good' | 'okay' | 'bad') =>
  t.human[k] + t.ai[k];

/** The satisfaction columns of a tag's row in the tag feed's CSV (all ratings of its chats). */
export function tagSatisfactionColumns(data: SatisfactionData, tagId: string | null) {
  const t = data.tags.find((x) => x.tagId === tagId);
  return {
    csat_good: t ? both(t, 'good') : 0,
    csat_okay: t ? both(t, 'okay') : 0,
    csat_bad: t ? both(t, 'bad') : 0,
    csat_good_share_person: t?.human.goodShare?.toFixed(3) ?? '',
  };
}
