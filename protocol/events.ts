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
  /** The visitor ended a chat only the AI had (resolved without a person). */
  'conversation.ended',
  /** A person handed the chat back to the AI without resolving it. */
  'conversation.handed_back',
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
  /** A reply an agent sent was remembered as an answer (`data.learnedAnswerId`), or the owner removed one. */
  'learned_answer.created',
  'learned_answer.removed',
  /** The workspace's settings, tags or webhooks changed (`data.part`). */
  'workspace.updated',
  /** The visitor rated a resolved conversation (`data.rating`, `data.handledBy`, `data.agentId`). */
  'csat.submitted',
  /** The visitor added a comment to their rating (`data.rating`, `data.comment`). */
  'csat.commented',
  /** The visitor asked for the conversation by email (`data.email`); the mail goes out after commit. */
  'transcript.requested',
  /** A member turned Web Push on for a device (`data.userId`, `data.subscriptionId`), or off. */
  'push.subscribed',
  'push.unsubscribed',
  /** A member changed their alert preferences (`data.userId`). */
  'alert.preferences.updated',
  /** A handoff was not picked up within the first-response target: the team is alerted again. */
  'handoff.realerted',
  /** A handoff waited twice the target: the owner/admins are emailed. */
  'handoff.escalated',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** The events a workspace may subscribe a webhook to (PRODUCT.md §6). */
export const WEBHOOK_EVENTS = [
  'handoff.created',
  'conversation.assigned',
  'conversation.resolved',
  'message.created',
  'csat.submitted',
  'csat.commented',
] as const satisfies readonly EventName[];

/**
 * Why the system, not a person, put a chat back in the queue: the `note` of its
 * `conversation.unassigned` event, which the dashboard words for the thread.
 */
export const UNASSIGN_NOTES = { agentOffline: 'agent went offline', sentToTeam: 'sent to a team' } as const;

/** Owned by the engine's handoff decision; re-exported (types only) for the front ends. */
export type { HandoffReason } from '../engine/conversation/handoff';
