/** Satisfaction in the tag feed: ratings per tag and per agent, AI-only chats apart, the comments; CSV. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../commands/unit';
import { requireRole } from '../http/auth';
import { ratingsCsv } from '../presenters/satisfaction';
import { ratingsIn, satisfaction } from '../queries/satisfaction';
import { Period, periodOf } from './analytics';

export const satisfactionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/analytics/satisfaction',
      {
        schema: {
          tags: ['analytics'],
          summary:
            '"How did we do?" over a period: chats a person worked and AI-only chats apart, per tag, per agent, comments; format=csv: one row per rating',
          params: z.object({ workspaceId: z.uuid('workspaceId must be a UUID') }),
          querystring: Period.extend({ format: z.enum(['json', 'csv']).default('json') }),
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const { from, to } = periodOf(req.query, deps.now());
        if (req.query.format === 'json') return satisfaction(deps.db, access.workspaceId, from, to);
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="satisfaction-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.csv"`,
          )
          .send(ratingsCsv(await ratingsIn(deps.db, access.workspaceId, from, to)));
      },
    );
  };
