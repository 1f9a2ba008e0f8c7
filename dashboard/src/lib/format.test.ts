import { describe, expect, it } from 'vitest';
import {
  assigneesBefore,
  duration,
  eventText,
  sourceProblem,
  HANDOFF_REASONS_KNOWN,
  reasonLabel,
  reasonText,
  visitorName,
} from './format';

describe('words for what the server sends as codes', () => {
  it('has a sentence and a label for every handoff reason the engine can give', () => {
    // The list is typed Record<HandoffReason, …> in format.ts: a new reason fails to compile there.
    for (const r of HANDOFF_REASONS_KNOWN) {
      expect(reasonText(r)).not.toContain('_');
      expect(reasonLabel(r)).not.toBe(r);
    }
    expect(reasonText(null)).toBe('the chat needed a person');
    expect(reasonText('new_reason')).toBe('new reason');
  });

  it('reads system events, naming the agent and the team when known', () => {
    const team = (id: string) => (id === 't1' ? 'Repairs' : null);
    expect(eventText('handoff.created', { reason: 'topic', teamId: 't1' }, team)).toBe(
      'Handed off because the topic needs a person · routed to Repairs',
    );
    expect(eventText('conversation.assigned', { agentName: 'Nia' }, team)).toBe('Assigned to Nia');
    expect(eventText('conversation.assigned', {}, team)).toBe('Assigned to a member');
    expect(eventText('workspace.member.added', {}, team)).toBe('workspace member added');
  });

  it('says why a chat went back to the queue, naming who had it', () => {
    const team = (id: string) => (id === 't1' ? 'Repairs' : null);
    const offline = { event: 'conversation.unassigned', note: 'agent went offline' };
    expect(eventText(offline.event, offline, team, 'Kai')).toBe('Returned to the queue: Kai went offline');
    expect(eventText(offline.event, offline, team)).toBe('Returned to the queue: the agent went offline');
    expect(eventText(offline.event, { note: 'sent to a team', teamId: 't1' }, team)).toBe(
      'Returned to the queue: sent to Repairs',
    );
    expect(eventText(offline.event, {}, team, 'Kai')).toBe('Returned to the queue');
    const thread = [
      { kind: 'text', meta: {} },
      { kind: 'event', meta: { event: 'conversation.assigned', agentName: 'Kai' } },
      { kind: 'event', meta: offline },
    ];
    expect(assigneesBefore(thread)).toEqual([null, null, 'Kai']);
  });
});

describe('durations at a glance', () => {
  const now = Date.parse('2026-03-12T12:00:00Z');
  const ago = (s: number) => new Date(now - s * 1000).toISOString();
  it('rounds to what a person reads: just now, minutes, hours and minutes, days', () => {
    expect(duration(ago(44), now)).toBe('just now');
    expect(duration(ago(90), now)).toBe('2 min');
    expect(duration(ago(59 * 60), now)).toBe('59 min');
    expect(duration(ago(60 * 60), now)).toBe('1 h');
    expect(duration(ago(125 * 60), now)).toBe('2 h 5 min');
    expect(duration(ago(3 * 86400), now)).toBe('3 d');
    // A clock a little ahead of the server's never shows a negative time.
    expect(duration(ago(-30), now)).toBe('just now');
  });
});

describe("the visitor's name", () => {
  const c = (contact: { name: string | null; email: string | null }, details?: { name?: string; email?: string }) => ({
    contact,
    handoffCard: details ? { details } : null,
  });
  it("prefers the contact's name, then the captured name, then an email, then 'Visitor'", () => {
    expect(visitorName(c({ name: 'Alex', email: 'a@x.io' }, { name: 'Al' }))).toBe('Alex');
    expect(visitorName(c({ name: null, email: 'a@x.io' }, { name: 'Al' }))).toBe('Al');
    expect(visitorName(c({ name: null, email: 'a@x.io' }))).toBe('a@x.io');
    expect(visitorName(c({ name: null, email: null }, { email: 'b@y.io' }))).toBe('b@y.io');
    expect(visitorName(c({ name: null, email: null }))).toBe('Visitor');
  });

  it('tells anonymous visitors apart by a short mark of their contact', () => {
    const anon = (id: string) => visitorName({ contact: { id, name: null, email: null }, handoffCard: null });
    expect(anon('3f9c2b1a-0000-4000-8000-000000000000')).toBe('Visitor 3F9C');
    expect(anon('a1b2c3d4-0000-4000-8000-000000000000')).not.toBe(anon('3f9c2b1a-0000-4000-8000-000000000000'));
  });
});

describe('sourceProblem', () => {
  it('names the file once and leaves the code out', () => {
    expect(
      sourceProblem('notes.zip', 'notes.zip is an archive (zip, xlsx, pptx…); upload PDF (UNSUPPORTED_TYPE)'),
    ).toBe('notes.zip is an archive (zip, xlsx, pptx…); upload PDF');
    expect(sourceProblem('site', 'no text found in this source')).toBe('site: no text found in this source');
    expect(sourceProblem('a.pdf', null)).toBe('a.pdf could not be read');
  });
});
