/** Waiting-time target breaches per tag, for the tag feed. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../commands/unit';
import { requireRole } from '../http/auth';
import { tagBreaches } from '../queries/tag-breaches';
import { periodOf } from './analytics';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const Period = z.object({
  from: z.iso.datetime({ offset: true, error: 'from must be an ISO date-time' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'to must be an ISO date-time' }).optional(),
});
const Row = z.object({
  handoffs: z.number(),
  firstResponseBreaches: z.number(),
  resolutionBreaches: z.number(),
});

export const targetRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/analytics/target-breaches',
      {
        schema: {
          tags: ['analytics'],
          summary: "Per tag: the period's handoffs that missed the first-response and the resolution targets",
          params: Params,
          querystring: Period,
          response: {
            200: z.object({
              from: z.string(),
              to: z.string(),
              targets: z.object({ firstResponseS: z.number(), resolutionS: z.number() }),
              total: Row,
              tags: z.array(Row.extend({ tagId: z.string().nullable() })),
            }),
          },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const { from, to } = periodOf(req.query, deps.now());
        return tagBreaches(deps.db, access.workspaceId, from, to, deps.now());
      },
    );
  };
