/**
 * Human minutes: how long people actually worked on conversations. The rule (docs/HUMAN-TIME.md):
 *
 * 1. An agent's time on a conversation counts only while they own it: from pick-up (assignment)
 *    until they resolve it, hand it back, or it is reassigned.
 * 2. Inside that span the agent's active moments are the span's start and end and every reply,
 *    note, typing burst and heartbeat of the conversation open in a visible tab.
 * 3. Time is the sum, over consecutive moments, of the gap between them capped at IDLE_CAP:
 *    an agent who walks away for an hour adds at most the cap.
 * 4. A conversation's time is split equally between its tags, so per-tag totals add up to the
 *    total exactly: each minute is counted once, however many tags a chat has.
 */
export const IDLE_CAP_MS = 2 * 60_000;

export interface Span {
  userId: string;
  start: number;
  end: number;
}

export interface Moment {
  userId: string;
  at: number;
}

/** Active milliseconds per agent on one conversation. */
export function activeTime(spans: Span[], moments: Moment[], capMs = IDLE_CAP_MS): Map<string, number> {
  const out = new Map<string, number>();
  for (const span of spans) {
    if (span.end <= span.start) continue;
    const times = [
      span.start,
      span.end,
      ...moments.filter((m) => m.userId === span.userId && m.at > span.start && m.at < span.end).map((m) => m.at),
    ].sort((a, b) => a - b);
    let total = 0;
    for (let i = 1; i < times.length; i++) total += Math.min(times[i] - times[i - 1], capMs);
    out.set(span.userId, (out.get(span.userId) ?? 0) + total);
  }
  return out;
}

export interface OwnershipEvent {
  name:
    | 'conversation.assigned'
    | 'conversation.reopened'
    | 'conversation.unassigned'
    | 'conversation.resolved'
    | 'conversation.handed_back';
  at: number;
  assigneeId?: string | null;
}

/** Ownership spans from a conversation's events (oldest first); an open span ends at `now`. */
export function ownershipSpans(events: OwnershipEvent[], now: number): Span[] {
  const spans: Span[] = [];
  const owner: { current: { userId: string; start: number } | null } = { current: null };
  const close = (at: number) => {
    if (owner.current) spans.push({ userId: owner.current.userId, start: owner.current.start, end: at });
    owner.current = null;
  };
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    if ((e.name === 'conversation.assigned' || e.name === 'conversation.reopened') && e.assigneeId) {
      if (owner.current?.userId === e.assigneeId) continue;
      close(e.at);
      owner.current = { userId: e.assigneeId, start: e.at };
    } else if (
      e.name === 'conversation.unassigned' ||
      e.name === 'conversation.resolved' ||
      e.name === 'conversation.handed_back'
    ) {
      close(e.at);
    }
  }
  close(now);
  return spans;
}

/** Splits each conversation's milliseconds equally among its tags ('' for untagged). */
export function splitByTags(
  perConversation: Map<string, number>,
  tagsOf: (conversationId: string) => string[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [conversationId, ms] of perConversation) {
    const tags = tagsOf(conversationId);
    const keys = tags.length ? tags : [''];
    for (const t of keys) out.set(t, (out.get(t) ?? 0) + ms / keys.length);
  }
  return out;
}
