/** A member's alerts: preferences, and the devices on which they turned Web Push on. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Outbound } from '../../net/outbound';
import { endpointProblem } from '../../net/web-push';
import { subscribePush, unsubscribePush, updateAlertPrefs } from '../commands/push';
import type { Deps } from '../commands/unit';
import { isTimeZone } from '../domain/hours';
import { AppError } from '../errors';
import { requireRole } from '../http/auth';
import { AlertSettingsOut, presentAlertSettings } from '../presenters/alerts';
import { alertPrefsOf, pushDevicesOf } from '../queries/alerts';

const WsParams = z.object({ workspaceId: z.uuid('workspaceId must be a UUID') });
const key = (what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url`)
    .max(200);
const Subscription = z.object({
  endpoint: z.string().max(2000),
  keys: z.object({ p256dh: key('keys.p256dh'), auth: key('keys.auth') }),
});
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour');
const PrefsPatch = z
  .object({
    events: z.object({ handoff: z.boolean(), assigned: z.boolean(), reply: z.boolean() }).partial(),
    channels: z.object({ push: z.boolean(), email: z.boolean(), sound: z.boolean() }).partial(),
    quietHours: z
      .object({
        enabled: z.boolean(),
        start: hhmm,
        end: hhmm,
        timezone: z
          .string()
          .max(64)
          .refine(isTimeZone, 'timezone must be an IANA zone such as Europe/Paris')
          .nullable(),
      })
      .partial(),
  })
  .partial();

export const alertRoutes =
  (
    deps: Deps,
    opts: { vapidPublicKey: string; outbound: Pick<Outbound, 'refusal'>; allowPrivate: boolean },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    /** The member behind a session (API keys have no devices nor preferences). */
    const member = async (req: Parameters<typeof requireRole>[1], workspaceId: string) => {
      const access = await requireRole(deps, req, workspaceId, 'agent');
      if (!access.userId) throw new AppError('forbidden', 'alerts belong to a signed-in member');
      return { workspaceId: access.workspaceId, userId: access.userId };
    };
    const settingsOf = async (m: { workspaceId: string; userId: string }) =>
      presentAlertSettings(
        await alertPrefsOf(deps.db, m.workspaceId, m.userId),
        await pushDevicesOf(deps.db, m.workspaceId, m.userId),
        opts.vapidPublicKey,
      );

    app.get(
      '/api/workspaces/:workspaceId/alerts',
      {
        schema: {
          tags: ['alerts'],
          summary: 'My alert preferences, my devices with push on, and the key to subscribe with',
          params: WsParams,
          response: { 200: AlertSettingsOut },
        },
      },
      async (req) => settingsOf(await member(req, req.params.workspaceId)),
    );

    app.patch(
      '/api/workspaces/:workspaceId/alerts',
      {
        schema: {
          tags: ['alerts'],
          summary: 'Change my alert preferences (events, channels, quiet hours); sections merge',
          params: WsParams,
          body: PrefsPatch,
          response: { 200: AlertSettingsOut },
        },
      },
      async (req) => {
        const m = await member(req, req.params.workspaceId);
        await updateAlertPrefs(deps, { ...m, patch: req.body });
        return settingsOf(m);
      },
    );

    app.post(
      '/api/workspaces/:workspaceId/alerts/devices',
      {
        schema: {
          tags: ['alerts'],
          summary: "Turn push on for this device (the browser's PushSubscription)",
          params: WsParams,
          body: Subscription,
          response: { 201: AlertSettingsOut },
        },
      },
      async (req, reply) => {
        const m = await member(req, req.params.workspaceId);
        const problem =
          endpointProblem(req.body.endpoint, opts.allowPrivate) ?? (await opts.outbound.refusal(req.body.endpoint));
        if (problem) throw new AppError('invalid_input', problem);
        await subscribePush(deps, {
          ...m,
          endpoint: req.body.endpoint,
          keys: req.body.keys,
          userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
        });
        reply.status(201);
        return settingsOf(m);
      },
    );

    app.delete(
      '/api/workspaces/:workspaceId/alerts/devices',
      {
        schema: {
          tags: ['alerts'],
          summary: 'Turn push off for this device',
          params: WsParams,
          body: z.object({ endpoint: z.string().max(2000) }),
          response: { 200: AlertSettingsOut },
        },
      },
      async (req) => {
        const m = await member(req, req.params.workspaceId);
        await unsubscribePush(deps, { ...m, endpoint: req.body.endpoint });
        return settingsOf(m);
      },
    );
  };
