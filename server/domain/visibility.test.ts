/** Who sees what: notes and internal events never reach the visitor; agents see everything. */
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES } from '../../protocol/events';
import { isVisibleTo, metaFor } from './visibility';

const VISITOR_EVENTS = [
  'handoff.created',
  'conversation.assigned',
  'conversation.resolved',
  'conversation.ended',
  'conversation.handed_back',
];

describe('who sees which message', () => {
  it('shows the visitor texts, hides notes', () => {
    expect(isVisibleTo({ kind: 'text', meta: {} }, 'visitor')).toBe(true);
    expect(isVisibleTo({ kind: 'note', meta: {} }, 'visitor')).toBe(false);
  });

  it.each(EVENT_NAMES.map((name) => [name]))('decides the visitor sees the %s event only if it is public', (name) => {
    expect(isVisibleTo({ kind: 'event', meta: { event: name } }, 'visitor')).toBe(VISITOR_EVENTS.includes(name));
  });

  it('hides an event message with no event name from the visitor', () => {
    expect(isVisibleTo({ kind: 'event', meta: {} }, 'visitor')).toBe(false);
  });

  it('shows agents every kind of message, notes and internal events included', () => {
    for (const kind of ['text', 'note', 'event'] as const)
      expect(isVisibleTo({ kind, meta: { event: 'conversation.unassigned' } }, 'agent')).toBe(true);
  });
});

describe("what the visitor sees of a message's meta", () => {
  const meta = {
    citations: [{ title: 'Shipping', url: null }],
    event: 'handoff.created',
    agentName: 'Sam',
    suggestHandoff: true,
    confidence: 0.42,
    abstained: false,
    question: 'where is my parcel?',
    handoff: true,
    reason: 'frustration',
    card: { summary: 'angry about a late parcel' },
  };

  it('keeps citations, the event, the agent name and the offer of a person; drops the rest', () => {
    expect(metaFor(meta, 'visitor')).toEqual({
      citations: meta.citations,
      event: 'handoff.created',
      agentName: 'Sam',
      suggestHandoff: true,
    });
  });

  it('gives agents the whole meta', () => {
    expect(metaFor(meta, 'agent')).toBe(meta);
  });

  it('adds no keys the message did not have', () => {
    expect(metaFor({ confidence: 0.9 }, 'visitor')).toEqual({});
  });
});
