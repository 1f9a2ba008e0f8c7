/** Outbound webhooks: subscribe a URL to events, read its delivery log. */
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { webhookDeliveries, webhooks } from '../../db/schema';
import type { Outbound } from '../../net/outbound';
import { WEBHOOK_EVENTS } from '../../protocol/events';
import { randomToken } from '../auth/tokens';
import type { Deps } from '../commands/unit';
import { changeConfig } from '../commands/workspace';
import { AppError } from '../errors';
import { requireRole } from '../http/auth';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const HookParams = Params.extend({ id: z.uuid('id must be a UUID') });
const WebhookOut = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
const present = (h: typeof webhooks.$inferSelect): z.infer<typeof WebhookOut> => ({
  id: h.id,
  url: h.url,
  events: h.events,
  active: h.active,
  createdAt: h.createdAt.toISOString(),
});

export const webhookRoutes =
  (deps: Deps, outbound: Pick<Outbound, 'refusal'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/webhooks',
      { schema: { tags: ['webhooks'], summary: 'Webhooks', params: Params, response: { 200: z.array(WebhookOut) } } },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        return (
          await deps.db
            .select()
            .from(webhooks)
            .where(eq(webhooks.workspaceId, access.workspaceId))
            .orderBy(webhooks.createdAt)
        ).map(present);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/webhooks',
      {
        schema: {
          tags: ['webhooks'],
          summary:
            'Subscribe a URL; deliveries are signed: x-chatref-signature: t=<unix>,sha256=HMAC(secret, "<t>.<body>"); the secret is shown once',
          params: Params,
          body: z.object({
            url: z.url({ protocol: /^https?$/, error: 'use an http(s) URL' }).max(2000),
            events: z.array(z.enum(WEBHOOK_EVENTS)).max(10).default([]),
          }),
          response: { 201: WebhookOut.extend({ secret: z.string() }) },
        },
      },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        // Refused now when the host is internal; each delivery checks again (DNS may change).
        const refused = await outbound.refusal(req.body.url);
        if (refused) throw new AppError('blocked_address', refused);
        const secret = `whsec_${randomToken(24)}`;
        const [h] = await changeConfig(deps, access.workspaceId, 'webhooks', (tx) =>
          tx
            .insert(webhooks)
            .values({ workspaceId: access.workspaceId, url: req.body.url, events: req.body.events, secret })
            .returning(),
        );
        reply.status(201);
        return { ...present(h), secret };
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/webhooks/:id',
      { schema: { tags: ['webhooks'], summary: 'Remove a webhook', params: HookParams, response: { 204: z.null() } } },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        await changeConfig(deps, access.workspaceId, 'webhooks', async (tx) => {
          const rows = await tx
            .delete(webhooks)
            .where(and(eq(webhooks.id, req.params.id), eq(webhooks.workspaceId, access.workspaceId)))
            .returning({ id: webhooks.id });
          if (!rows.length) throw new AppError('not_found', 'no such webhook');
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/workspaces/:workspaceId/webhooks/:id/deliveries',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'The delivery log (latest first)',
          params: HookParams,
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                event: z.string(),
                status: z.string(),
                attempts: z.number(),
                responseStatus: z.number().nullable(),
                lastError: z.string().nullable(),
                createdAt: z.string(),
                nextAttemptAt: z.string(),
              }),
            ),
          },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        const rows = await deps.db
          .select()
          .from(webhookDeliveries)
          .where(
            and(eq(webhookDeliveries.webhookId, req.params.id), eq(webhookDeliveries.workspaceId, access.workspaceId)),
          )
          .orderBy(desc(webhookDeliveries.createdAt))
          .limit(100);
        return rows.map((d) => ({
          id: d.id,
          event: d.eventName,
          status: d.status,
          attempts: d.attempts,
          responseStatus: d.responseStatus,
          lastError: d.lastError,
          createdAt: d.createdAt.toISOString(),
          nextAttemptAt: d.nextAttemptAt.toISOString(),
        }));
      },
    );
  };
