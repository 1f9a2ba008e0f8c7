/** Outbound webhooks: subscribe a URL to events, read its delivery log. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Outbound } from '../../net/outbound';
import { WEBHOOK_EVENTS } from '../../protocol/events';
import type { Deps } from '../commands/unit';
import { createWebhook, deleteWebhook } from '../commands/webhooks';
import { AppError } from '../errors';
import { requireRole } from '../http/auth';
import { DeliveryOut, presentDelivery, presentWebhook, WebhookOut } from '../presenters/webhook';
import { deliveriesOf, webhooksOf } from '../queries/webhooks';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const HookParams = Params.extend({ id: z.uuid('id must be a UUID') });
export const webhookRoutes =
  (deps: Deps, outbound: Pick<Outbound, 'refusal'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workspaces/:workspaceId/webhooks',
      { schema: { tags: ['webhooks'], summary: 'Webhooks', params: Params, response: { 200: z.array(WebhookOut) } } },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        return (await webhooksOf(deps.db, access.workspaceId)).map(presentWebhook);
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
        const { webhook, secret } = await createWebhook(deps, { workspaceId: access.workspaceId, ...req.body });
        reply.status(201);
        return { ...presentWebhook(webhook), secret };
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/webhooks/:id',
      { schema: { tags: ['webhooks'], summary: 'Remove a webhook', params: HookParams, response: { 204: z.null() } } },
      async (req, reply) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        await deleteWebhook(deps, access.workspaceId, req.params.id);
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
            200: z.array(DeliveryOut),
          },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'admin');
        return (await deliveriesOf(deps.db, access.workspaceId, req.params.id)).map(presentDelivery);
      },
    );
  };
