/**
 * The conversation state machine: bot → waiting → human → resolved → bot.
 * Every allowed move is one row of TRANSITIONS; anything else is an `illegal_transition` error.
 * Each move names the event it writes, so the audit log is the list of moves.
 */
import type { EventName } from '../../protocol/events';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../protocol/rest';
import { AppError } from '../errors';

export const STATUSES: readonly ConversationStatus[] = CONVERSATION_STATUSES;

export type Transition = 'handoff' | 'assign' | 'unassign' | 'resolve' | 'reopen' | 'resume' | 'end' | 'handback';

/** Who may make a move: the bot or visitor (from the widget), a member (dashboard/API), the system (routing). */
export type ActorType = 'visitor' | 'bot' | 'user' | 'system' | 'api';

interface Rule {
  from: readonly ConversationStatus[];
  to: ConversationStatus;
  event: EventName;
  by: readonly ActorType[];
}

export const TRANSITIONS: Readonly<Record<Transition, Rule>> = {
  /** The AI or the visitor hands the chat to people; it waits in the queue. */
  handoff: { from: ['bot'], to: 'waiting', event: 'handoff.created', by: ['bot', 'visitor', 'system', 'user', 'api'] },
  /** A person takes the chat (pick-up, assignment by routing, or reassignment). */
  assign: {
    from: ['bot', 'waiting', 'human'],
    to: 'human',
    event: 'conversation.assigned',
    by: ['user', 'system', 'api'],
  },
  /** The person lets go (goes offline, hands back): the chat returns to the queue. */
  unassign: { from: ['human'], to: 'waiting', event: 'conversation.unassigned', by: ['user', 'system', 'api'] },
  resolve: {
    from: ['bot', 'waiting', 'human'],
    to: 'resolved',
    event: 'conversation.resolved',
    by: ['user', 'system', 'api'],
  },
  /** The visitor ends a chat only the AI has had (a chat with people is theirs to resolve). */
  end: { from: ['bot'], to: 'resolved', event: 'conversation.ended', by: ['visitor'] },
  /** A member reopens a resolved chat and owns it again. */
  reopen: { from: ['resolved'], to: 'human', event: 'conversation.reopened', by: ['user', 'api'] },
  /** The visitor writes after resolve: the AI answers again. */
  resume: { from: ['resolved'], to: 'bot', event: 'conversation.resumed', by: ['visitor', 'bot', 'system'] },
  /** A person hands the chat back to the AI without resolving it: the AI answers the next question. */
  handback: { from: ['waiting', 'human'], to: 'bot', event: 'conversation.handed_back', by: ['user', 'api'] },
};

/** Returns the rule for a move from `status`, or throws `illegal_transition` with a clear message. */
export function transition(status: ConversationStatus, move: Transition, actor: ActorType): Rule {
  const rule = TRANSITIONS[move];
  if (!rule.from.includes(status)) {
    throw new AppError('illegal_transition', `cannot ${move} a conversation that is ${describe(status)}`, {
      status,
      move,
    });
  }
  if (!rule.by.includes(actor)) {
    throw new AppError('illegal_transition', `a ${actor} cannot ${move} a conversation`, { status, move, actor });
  }
  return rule;
}

export function canTransition(status: ConversationStatus, move: Transition, actor: ActorType): boolean {
  const rule = TRANSITIONS[move];
  return rule.from.includes(status) && rule.by.includes(actor);
}

function describe(status: ConversationStatus): string {
  return { bot: 'with the AI', waiting: 'waiting for a person', human: 'with a person', resolved: 'resolved' }[status];
}
