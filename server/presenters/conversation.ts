/** A conversation as the inbox shows it (server/queries/inbox.ts reads what goes in). */
import { z } from 'zod';
import { HANDOFF_REASONS } from '../../engine/conversation/handoff';
import { CONVERSATION_STATUSES, type ConversationListItem } from '../../protocol/rest';
import type { Equal, Expect } from '../../protocol/type-check';
import type { InboxConversation } from '../queries/inbox';

/** The card the handoff stored (`StoredHandoffCard` in protocol/handoff.ts). */
const HandoffCardOut = z.object({
  reason: z.enum(HANDOFF_REASONS).optional(),
  detail: z.string().nullable().optional(),
  details: z
    .object({
      name: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
      orderNumber: z.string().optional(),
      product: z.string().optional(),
      budget: z.string().optional(),
      quantity: z.union([z.string(), z.number()]).optional(),
    })
    .optional(),
  summary: z.string().optional(),
  tried: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
});

export const ConversationOut = z.object({
  id: z.string(),
  status: z.enum(CONVERSATION_STATUSES),
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  handoffReason: z.string().nullable(),
  handoffCard: HandoffCardOut.nullable(),
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
type _SameAsProtocol = Expect<Equal<ConversationOut, ConversationListItem>>;

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
