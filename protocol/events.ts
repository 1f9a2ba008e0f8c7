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
  /** A member's role changed (`data.userId`, `data.role`): their live connections re-authorise. */
  'workspace.member.updated',
  /** A member's chat cap changed (`data.userId`, `data.capacity`); their access is unchanged. */
  'workspace.member.capacity',
  /** An invitation was withdrawn (`data.invitationId`). */
  'invitation.withdrawn',
  /** A team was renamed or its members set (`data.teamId`, `data.name`, `data.memberIds`). */
  'team.updated',
  /** A member was removed (`data.userId`): their live connections to the workspace close. */
  'workspace.member.removed',
  /** A member signed out (`data.userId`, `data.session`: the session's room key): its sockets close. */
  'session.ended',
  /** An API key was created or revoked (`data.apiKeyId`, `data.scopes`). */
  'api_key.created',
  'api_key.revoked',
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
