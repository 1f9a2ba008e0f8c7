/**
 * The one vocabulary of event names: the audit log, the socket messages, and the webhooks use these.
 * Shared by the server, the dashboard and the widget.
 */
export const EVENT_NAMES = [
  'conversation.created',
  'message.created',
  'handoff.created',
  'conversation.assigned',
  'conversation.unassigned',
  'conversation.resolved',
  'conversation.reopened',
  'conversation.resumed',
  'conversation.tagged',
  'conversation.untagged',
  'contact.updated',
  'agent.presence',
  'knowledge.source.updated',
  'workspace.member.added',
  /** Someone was invited (the email with the link goes out after commit). */
  'invitation.created',
  /** The workspace's settings, tags or webhooks changed (`data.part`). */
  'workspace.updated',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** The events a workspace may subscribe a webhook to (PRODUCT.md §6). */
export const WEBHOOK_EVENTS = [
  'handoff.created',
  'conversation.assigned',
  'conversation.resolved',
  'message.created',
] as const satisfies readonly EventName[];

export type HandoffReason = 'customer_request' | 'topic' | 'frustration' | 'low_confidence' | 'repeated_unanswered';
