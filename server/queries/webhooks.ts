/** A workspace's webhooks and their delivery log. */
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { webhookDeliveries, webhooks } from '../../db/schema';

export async function webhooksOf(db: Queryable, workspaceId: string) {
  return db.select().from(webhooks).where(eq(webhooks.workspaceId, workspaceId)).orderBy(webhooks.createdAt);
}

/** A webhook's last 100 deliveries, latest first. */
export async function deliveriesOf(db: Queryable, workspaceId: string, webhookId: string) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.workspaceId, workspaceId)))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(100);
}
