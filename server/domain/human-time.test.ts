import { describe, expect, it } from 'vitest';
import { activeTime, IDLE_CAP_MS, ownershipSpans, splitByTags } from './human-time';

const MIN = 60_000;
const t = (minutes: number) => Date.UTC(2026, 10, 25, 9) + minutes * MIN;

describe('human time', () => {
  it('counts the gaps between active moments, capping idle gaps', () => {
    // Picked up at 0, replies at 1 and 3, walks away, a heartbeat at 40, resolves at 41.
    const spans = [{ userId: 'dana', start: t(0), end: t(41) }];
    const moments = [1, 3, 40].map((m) => ({ userId: 'dana', at: t(m) }));
    // 1 + 2 + min(37, 2) + 1 = 6 minutes.
    expect(activeTime(spans, moments).get('dana')).toBe(6 * MIN);
    expect(IDLE_CAP_MS).toBe(2 * MIN);
  });

  it('splits a reassigned chat between the two agents, each counted only while owning it', () => {
    const spans = ownershipSpans(
      [
        { name: 'conversation.assigned', at: t(0), assigneeId: 'dana' },
        { name: 'conversation.assigned', at: t(4), assigneeId: 'marcus' },
        { name: 'conversation.resolved', at: t(9) },
      ],
      t(60),
    );
    expect(spans).toEqual([
      { userId: 'dana', start: t(0), end: t(4) },
      { userId: 'marcus', start: t(4), end: t(9) },
    ]);
    const moments = [
      { userId: 'dana', at: t(1) },
      { userId: 'dana', at: t(2) },
      { userId: 'dana', at: t(6) }, // after handing over: not Dana's time
      { userId: 'marcus', at: t(5) },
      { userId: 'marcus', at: t(7) },
    ];
    const time = activeTime(spans, moments);
    expect(time.get('dana')).toBe(1 * MIN + 1 * MIN + 2 * MIN); // 0→1→2→4 (last gap capped at 2)
    expect(time.get('marcus')).toBe(1 * MIN + 2 * MIN + 2 * MIN); // 4→5→7→9
  });

  it('ends an open span at now and ignores an unassigned chat', () => {
    const spans = ownershipSpans(
      [
        { name: 'conversation.assigned', at: t(0), assigneeId: 'dana' },
        { name: 'conversation.unassigned', at: t(1) },
        { name: 'conversation.assigned', at: t(10), assigneeId: 'dana' },
      ],
      t(11),
    );
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [t(0), t(1)],
      [t(10), t(11)],
    ]);
    expect(activeTime(spans, []).get('dana')).toBe(2 * MIN);
  });

  it('ends the span when the person hands the chat back to the AI', () => {
    const spans = ownershipSpans(
      [
        { name: 'conversation.assigned', at: t(0), assigneeId: 'dana' },
        { name: 'conversation.handed_back', at: t(3) },
      ],
      t(20),
    );
    expect(spans.map((s) => [s.start, s.end])).toEqual([[t(0), t(3)]]);
  });

  it('counts a multi-tag chat once: the tags share its minutes', () => {
    const per = new Map([
      ['c1', 6 * MIN],
      ['c2', 4 * MIN],
      ['c3', 3 * MIN],
    ]);
    const tags: Record<string, string[]> = { c1: ['returns', 'warranty', 'vip'], c2: ['returns'], c3: [] };
    const byTag = splitByTags(per, (c) => tags[c]);
    expect(byTag.get('returns')).toBe(2 * MIN + 4 * MIN);
    expect(byTag.get('warranty')).toBe(2 * MIN);
    expect(byTag.get('')).toBe(3 * MIN);
    const total = [...byTag.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(13 * MIN);
  });
});
