/** A workspace's webhooks: added with a signing secret (shown once), removed; each records `workspace.updated`. */
import { and, eq } from 'drizzle-orm';
import { webhooks } from '../../db/schema';
import { randomToken } from '../auth/tokens';
import { AppError } from '../errors';
import type { Deps } from './unit';
import { changeConfig } from './workspace';

export async function createWebhook(deps: Deps, input: { workspaceId: string; url: string; events: string[] }) {
  const secret = `whsec_${randomToken(24)}`;
  const [webhook] = await changeConfig(deps, input.workspaceId, 'webhooks', (tx) =>
    tx
      .insert(webhooks)
      .values({ workspaceId: input.workspaceId, url: input.url, events: input.events, secret })
      .returning(),
  );
  return { webhook, secret };
}

export async function deleteWebhook(deps: Deps, workspaceId: string, webhookId: string): Promise<void> {
  await changeConfig(deps, workspaceId, 'webhooks', async (tx) => {
    const rows = await tx
      .delete(webhooks)
      .where(and(eq(webhooks.id, webhookId), eq(webhooks.workspaceId, workspaceId)))
      .returning({ id: webhooks.id });
    if (!rows.length) throw new AppError('not_found', 'no such webhook');
  });
}
