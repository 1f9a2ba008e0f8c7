/** The tag feed (where the team's time goes) and knowledge gaps (what to teach the AI next). */
import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conversationsForTag, tagFeed } from '../queries/analytics';
import { draftQa, knowledgeGaps } from '../queries/gaps';
import type { Deps } from '../commands/unit';
import { AppError } from '../errors';
import { requireRole } from '../http/auth';
import { formulaSafe } from '../http/csv';
import { tagSatisfactionColumns } from '../presenters/satisfaction';
import { satisfaction } from '../queries/satisfaction';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
export const Period = z.object({
  from: z.iso.datetime({ offset: true, error: 'from must be an ISO date-time' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'to must be an ISO date-time' }).optional(),
});

/** The dates a period may span (its comparison period before it too): PostgreSQL's and JS's common ground. */
const EARLIEST = Date.UTC(1971, 0, 1);
const LATEST = Date.UTC(9999, 0, 1);

/** The requested period, by default the last 30 days; at most a year. */
export function periodOf(q: z.infer<typeof Period>, now: Date): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
  if (from.getTime() < EARLIEST || to.getTime() > LATEST)
    throw new AppError('invalid_input', 'from and to must be between 1971-01-01 and 9999-01-01');
  if (from >= to) throw new AppError('invalid_input', 'from must be before to');
  if (to.getTime() - from.getTime() > 366 * 86_400_000)
    throw new AppError('invalid_input', 'the period can be at most a year');
  return { from, to };
}

export const analyticsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/analytics/tag-feed',
      {
        schema: {
          tags: ['analytics'],
          summary:
            'Per tag: handoffs, share of chats, human minutes (each minute once), first response and resolution times, trend; format=csv for a spreadsheet',
          params: Params,
          querystring: Period.extend({ format: z.enum(['json', 'csv']).default('json') }),
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const { from, to } = periodOf(req.query, deps.now());
        const feed = await tagFeed(deps, access.workspaceId, from, to);
        if (req.query.format === 'json') return feed;
        const csat = await satisfaction(deps.db, access.workspaceId, from, to);
        const csv = stringify(
          feed.tags.map((t) => ({
            tag: t.name,
            handoffs: t.handoffs,
            conversations: t.conversations,
            share_of_chats: t.share.toFixed(3),
            human_minutes: t.humanMinutes,
            minutes_per_chat: t.minutesPerChat,
            first_response_minutes_median: t.firstResponseMinutes ?? '',
            resolution_minutes_median: t.resolutionMinutes ?? '',
            previous_handoffs: t.previous.handoffs,
            previous_human_minutes: t.previous.humanMinutes,
            ...tagSatisfactionColumns(csat, t.tagId),
          })),
          { header: true, cast: { string: formulaSafe } },
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="tag-feed-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.csv"`,
          )
          .send(csv);
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/analytics/tag-feed/conversations',
      {
        schema: {
          tags: ['analytics'],
          summary: "A tag's conversations in the period (omit tagId for untagged handoffs)",
          params: Params,
          querystring: Period.extend({ tagId: z.uuid().optional() }),
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const { from, to } = periodOf(req.query, deps.now());
        return conversationsForTag(deps, access.workspaceId, req.query.tagId ?? null, from, to);
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/analytics/gaps',
      {
        schema: {
          tags: ['analytics'],
          summary:
            'Unanswered and handed-off questions, grouped, ranked by human minutes, with the answers people gave',
          params: Params,
          querystring: Period,
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const { from, to } = periodOf(req.query, deps.now());
        return knowledgeGaps(deps, access.workspaceId, from, to);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/analytics/gaps/draft',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Draft a Q&A entry from a gap group (edit it, then add it with POST …/knowledge/qa)',
          params: Params,
          body: z.object({
            label: z.string().min(1).max(500),
            questions: z.array(z.object({ text: z.string().max(2000) }).passthrough()).max(200),
            answers: z.array(z.object({ text: z.string().max(8000) }).passthrough()).max(200),
          }),
          response: { 200: z.object({ question: z.string(), alternates: z.array(z.string()), answer: z.string() }) },
        },
      },
      async (req) => {
        await requireRole(deps, req, req.params.workspaceId, 'agent');
        return draftQa({
          label: req.body.label,
          questions: req.body.questions.map((q) => ({ conversationId: '', text: q.text, handedOff: true })),
          answers: req.body.answers.map((a) => ({ conversationId: '', text: a.text, author: null })),
        });
      },
    );
  };
