/** A webhook (its secret only once, when created) and its deliveries. */
import { z } from 'zod';
import type { webhookDeliveries, webhooks } from '../../db/schema';

export const WebhookOut = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
export const presentWebhook = (h: typeof webhooks.$inferSelect): z.infer<typeof WebhookOut> => ({
  id: h.id,
  url: h.url,
  events: h.events,
  active: h.active,
  createdAt: h.createdAt.toISOString(),
});

export const DeliveryOut = z.object({
  id: z.string(),
  event: z.string(),
  status: z.string(),
  attempts: z.number(),
  responseStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
});
export const presentDelivery = (d: typeof webhookDeliveries.$inferSelect): z.infer<typeof DeliveryOut> => ({
  id: d.id,
  event: d.eventName,
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.responseStatus,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  nextAttemptAt: d.nextAttemptAt.toISOString(),
});
