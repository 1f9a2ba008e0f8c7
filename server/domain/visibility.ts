/**
 * Who sees what, decided here and nowhere else: internal notes and internal events never reach
 * the visitor.
 */
import type { MessageKind } from '../../db/schema';

export type Audience = 'visitor' | 'agent';

/** Events the visitor is shown in the thread (e.g. "Sam joined the chat"); all others are internal. */
const VISITOR_EVENTS = new Set([
  'handoff.created',
  'conversation.assigned',
  'conversation.resolved',
  'conversation.ended',
  'conversation.handed_back',
]);

export function isVisibleTo(
  message: { kind: MessageKind; meta: Record<string, unknown> },
  audience: Audience,
): boolean {
  if (audience === 'agent') return true;
  if (message.kind === 'note') return false;
  if (message.kind === 'event') return VISITOR_EVENTS.has(String(message.meta.event ?? ''));
  return true;
}

/**
 * Whether a member may see a conversation, and so anything drawn from it (its thread, a suggested
 * reply, its summary): every member of the conversation's workspace, nobody else.
 */
export function maySeeConversation(
  member: { workspaceId: string; role: string | null },
  conversation: { workspaceId: string },
): boolean {
  return member.role !== null && member.workspaceId === conversation.workspaceId;
}

/** The part of a message's meta that the visitor may see (citations yes; confidence and card no). */
export function metaFor(meta: Record<string, unknown>, audience: Audience): Record<string, unknown> {
  if (audience === 'agent') return meta;
  const out: Record<string, unknown> = {};
  for (const k of ['citations', 'event', 'agentName', 'suggestHandoff']) if (k in meta) out[k] = meta[k];
  return out;
}
