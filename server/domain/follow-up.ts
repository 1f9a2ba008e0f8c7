/**
 * What a visitor is offered once a conversation is resolved: the "How did we do?" question and the
 * transcript by email. Rules without I/O; the commands apply them.
 *
 * What a shop owner expects (the decision, written down):
 * - A chat a person worked (handed off, assigned or resolved by the team) is rated after the team
 *   resolves it, when `satisfaction.enabled`.
 * - A chat only the AI had is rated only when the visitor ends it themselves ("End chat" in the
 *   widget), and only with `satisfaction.aiChats` too: the AI never interrupts a visitor who just
 *   got an answer and left. Such ratings are reported apart from the team's.
 * - Each resolution is asked about once; a skip is a skip (the widget does not ask again).
 */
import type { ConversationStatus } from '../../db/schema';
import type { WorkspaceSettings } from './settings';

export const RATINGS = ['good', 'okay', 'bad'] as const;
export type Rating = (typeof RATINGS)[number];
export type HandledBy = 'ai' | 'human';

/** A person worked the chat when it was handed off or someone owned it; else the AI had it alone. */
export function handledBy(c: { assigneeId: string | null; handoffReason: string | null }): HandledBy {
  return c.assigneeId || c.handoffReason ? 'human' : 'ai';
}

export interface Refusal {
  code: 'forbidden' | 'conflict';
  message: string;
}

/** Why a rating is refused (a setting is off: forbidden; not resolved: conflict), or null. */
export function ratingRefusal(
  settings: WorkspaceSettings,
  c: { status: ConversationStatus; assigneeId: string | null; handoffReason: string | null },
): Refusal | null {
  if (!settings.satisfaction.enabled) return { code: 'forbidden', message: 'this shop does not ask for ratings' };
  if (handledBy(c) === 'ai' && !settings.satisfaction.aiChats)
    return { code: 'forbidden', message: 'this shop does not ask for ratings of chats with the AI alone' };
  if (c.status !== 'resolved') return { code: 'conflict', message: 'only a resolved conversation can be rated' };
  return null;
}

/** Why a transcript is refused, or null. */
export function transcriptRefusal(
  settings: WorkspaceSettings,
  c: { status: ConversationStatus },
  /** Whether this server can send email at all (CHATREF_SMTP_URL): without, nothing would arrive. */
  mails: boolean,
): Refusal | null {
  if (!settings.transcript.enabled || !mails)
    return { code: 'forbidden', message: 'this shop does not send transcripts' };
  if (c.status !== 'resolved')
    return { code: 'conflict', message: 'the transcript can be sent once the conversation is resolved' };
  return null;
}

/**
 * Transcripts per conversation in an hour (counted in the database: every instance), and per client
 * address and per workspace in an hour (in memory, per instance: a typed address could be anyone's).
 */
export const TRANSCRIPT_LIMITS = { perConversation: 3, perIp: 10, perWorkspace: 100, windowMs: 3_600_000 };
