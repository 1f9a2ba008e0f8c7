/** Words for the things the server sends as codes, and times people read at a glance. */
import { UNASSIGN_NOTES, type EventName, type HandoffReason } from '../../../protocol/events';

/** One per reason the engine gives (the type makes a new reason fail to compile here). */
const REASONS: Record<HandoffReason, string> = {
  customer_request: 'the visitor asked for a person',
  topic: 'the topic needs a person',
  frustration: 'the visitor seemed frustrated',
  low_confidence: "the AI wasn't confident in an answer",
  repeated_unanswered: 'the same question went unanswered twice',
  problem: 'the visitor reported trouble with their order',
};

/** "the visitor asked for a person" — for "Handed off because …". */
/** The reasons the dashboard has words for: every `HandoffReason`. */
export const HANDOFF_REASONS_KNOWN = Object.keys(REASONS) as HandoffReason[];

export function reasonText(reason: string | null | undefined): string {
  if (!reason) return 'the chat needed a person';
  return REASONS[reason as HandoffReason] ?? reason.replace(/_/g, ' ');
}

/** Short label for lists: "Asked for a person". */
export function reasonLabel(reason: string | null | undefined): string {
  const labels: Record<HandoffReason, string> = {
    customer_request: 'Asked for a person',
    topic: 'Topic needs a person',
    frustration: 'Frustrated',
    low_confidence: 'AI not confident',
    repeated_unanswered: 'Unanswered twice',
    problem: 'Order trouble',
  };
  return reason ? (labels[reason as HandoffReason] ?? reason) : '';
}

export const STATUS_LABEL = {
  bot: 'With the AI',
  waiting: 'Waiting',
  human: 'With a person',
  resolved: 'Resolved',
} as const;

/** "just now", "4 min", "2 h 5 min", "3 d". */
export function duration(fromIso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

/** "14:05" today, "Mon 14:05" this week, else "12 Mar". */
export function clock(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === now.toDateString()) return time;
  if (now.getTime() - d.getTime() < 6 * 86400_000) return `${d.toLocaleDateString([], { weekday: 'short' })} ${time}`;
  return d.toLocaleDateString([], { day: 'numeric', month: 'short' });
}

/**
 * Why a chat went back to the queue, from the note the server's move carries; the member who had
 * it is read from the thread (the event does not name them).
 */
function unassignWhy(note: unknown, previousAgent: string | null, team: string | null): string {
  if (typeof note !== 'string' || !note) return '';
  if (note === UNASSIGN_NOTES.agentOffline) return `: ${previousAgent ?? 'the agent'} went offline`;
  if (note === UNASSIGN_NOTES.sentToTeam) return `: sent to ${team ?? 'a team'}`;
  return `: ${note}`;
}

/** For each message of a thread, who had the chat just before it (from the assignment events). */
export function assigneesBefore(messages: { kind: string; meta: Record<string, unknown> }[]): (string | null)[] {
  let holder: string | null = null;
  return messages.map((m) => {
    const before = holder;
    if (m.kind === 'event' && m.meta.event === 'conversation.assigned')
      holder = typeof m.meta.agentName === 'string' ? m.meta.agentName : null;
    return before;
  });
}

/** The sentence for a system event in the thread; `previousAgent` is who had the chat before it. */
export function eventText(
  event: EventName | string | undefined,
  meta: Record<string, unknown>,
  teamName: (id: string) => string | null,
  previousAgent: string | null = null,
): string {
  const agent = typeof meta.agentName === 'string' ? meta.agentName : null;
  const team = typeof meta.teamId === 'string' ? teamName(meta.teamId) : null;
  switch (event) {
    case 'handoff.created':
      return `Handed off because ${reasonText(typeof meta.reason === 'string' ? meta.reason : null)}${team ? ` · routed to ${team}` : ''}`;
    case 'conversation.assigned':
      return `Assigned to ${agent ?? 'a member'}${team ? ` (${team})` : ''}`;
    case 'conversation.unassigned':
      return `Returned to the queue${unassignWhy(meta.note, previousAgent, team)}`;
    case 'conversation.resolved':
      return 'Resolved';
    case 'conversation.ended':
      return 'The visitor ended the chat';
    case 'conversation.reopened':
      return `Reopened${agent ? ` by ${agent}` : ''}`;
    case 'conversation.handed_back':
      return `Handed back to the AI${agent ? ` by ${agent}` : ''}`;
    case 'conversation.resumed':
      return 'The visitor wrote again; the AI is answering';
    case 'conversation.tagged':
      return `Tagged ${typeof meta.tagName === 'string' ? meta.tagName : ''}`.trim();
    case 'conversation.created':
      return 'Conversation started';
    default:
      return String(event ?? 'Event').replace(/[._]/g, ' ');
  }
}

export const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The visitor's name as best known: the contact's, else what the AI captured, else "Visitor" with
 * a short mark of the contact ("Visitor 3F9C"), so an inbox of anonymous chats tells them apart.
 */
export function visitorName(c: {
  contact: { id?: string; name: string | null; email: string | null };
  handoffCard: { details?: { name?: string; email?: string } } | null;
}): string {
  const mark = c.contact.id
    ?.replace(/[^0-9a-f]/gi, '')
    .slice(0, 4)
    .toUpperCase();
  return (
    c.contact.name ??
    c.handoffCard?.details?.name ??
    c.contact.email ??
    c.handoffCard?.details?.email ??
    (mark ? `Visitor ${mark}` : 'Visitor')
  );
}

/**
 * Why a knowledge source failed, for the owner: the engine's message names the file already and
 * ends with its code for API clients ("notes.zip is an archive…; upload … (UNSUPPORTED_TYPE)"); the
 * file is named once and the code left out.
 */
export function sourceProblem(name: string, error: string | null): string {
  if (!error) return `${name} could not be read`;
  const said = error.replace(/ \([A-Z][A-Z_]+\)$/, '');
  return said.startsWith(name) ? said : `${name}: ${said}`;
}
