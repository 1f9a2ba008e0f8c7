/** A canned reply. */
import { z } from 'zod';
import type { cannedReplies } from '../../db/schema';

export const CannedReplyOut = z.object({
  id: z.string(),
  shortcut: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});

export const presentCannedReply = (r: typeof cannedReplies.$inferSelect): z.infer<typeof CannedReplyOut> => ({
  id: r.id,
  shortcut: r.shortcut,
  body: r.body,
  updatedAt: r.updatedAt.toISOString(),
});
