/** A conversation as the inbox shows it (server/queries/inbox.ts reads what goes in). */
import { z } from 'zod';
import type { InboxConversation } from '../queries/inbox';

export const ConversationOut = z.object({
  id: z.string(),
  status: z.enum(['bot', 'waiting', 'human', 'resolved']),
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  handoffReason: z.string().nullable(),
  handoffCard: z.record(z.string(), z.unknown()).nullable(),
  queuePosition: z.number().nullable(),
  waitingSince: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSeq: z.number(),
  priority: z.number(),
  contact: z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }),
  tags: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      color: z.string(),
      source: z.enum(['auto', 'manual', 'contact']),
      confidence: z.number().nullable(),
    }),
  ),
  preview: z.string().nullable(),
});
export type ConversationOut = z.infer<typeof ConversationOut>;

export const presentConversation = (c: InboxConversation): ConversationOut => ({
  id: c.id,
  status: c.status,
  assigneeId: c.assigneeId,
  teamId: c.teamId,
  handoffReason: c.handoffReason,
  handoffCard: c.handoffCard,
  queuePosition: c.queuePosition,
  waitingSince: c.waitingSince?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  lastSeq: c.lastSeq,
  priority: c.priority,
  contact: c.contact,
  tags: c.tags,
  preview: c.preview,
});
